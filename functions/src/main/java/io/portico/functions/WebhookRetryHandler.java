package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.config.LambdaContext;
import io.portico.service.WebhookDispatcher;
import jakarta.inject.Inject;

/** Lambda on a schedule (EventBridge; a timer in the local stack): retries the webhook deliveries whose next attempt has come. */
public class WebhookRetryHandler extends MicronautRequestHandler<ScheduledEvent, String> {
  @Inject
  WebhookDispatcher dispatcher;

  public WebhookRetryHandler() {}

  public WebhookRetryHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  @Override
  public String execute(ScheduledEvent event) {
    return "attempted " + dispatcher.retryDue() + " webhook deliveries";
  }
}
