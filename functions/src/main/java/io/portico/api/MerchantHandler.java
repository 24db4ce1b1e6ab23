package io.portico.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.config.LambdaContext;
import io.portico.config.Priming;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * A Lambda function serving merchant API routes. Subclasses only route: decode is done by
 * {@link MerchantApi}, the work by one service, the encoding by {@link MerchantApi} again.
 */
public abstract class MerchantHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  /**
   * Injected, so a function's beans are what its injection creates ({@link io.portico.config.FunctionBeans});
   * looked up only by a handler Micronaut has no definition for (one that injects nothing itself).
   */
  @Inject
  protected MerchantApi api;
  private Priming priming;

  /** Lambda's constructor: with SnapStart, one refused request primes the function before the snapshot ({@link Priming}). */
  protected MerchantHandler() {
    super();
    priming = Priming.register(() -> handleRequest(Priming.request("GET", "/v1/priming", "/v1/priming", null), null));
  }

  protected MerchantHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  /** Serves one request whose route ({@code "METHOD /path/{param}"}) this function owns. */
  protected abstract ApiResponse route(ApiRequest request);

  /**
   * Routes whose work is a single transaction that records the Idempotency-Key itself
   * ({@link ApiRequest#idempotency()}); none by default.
   */
  protected Set<String> routesWritingOnce() {
    return Set.of();
  }

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    if (api == null) api = getApplicationContext().getBean(MerchantApi.class);
    return api.serve(event, this::route, routesWritingOnce());
  }
}
