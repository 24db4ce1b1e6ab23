package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.ApiResponse;
import io.portico.config.LambdaContext;
import io.portico.error.ApiError;
import io.portico.portal.PortalApi;
import io.portico.portal.PortalRequest;
import io.portico.portal.TestTokenization;
import jakarta.inject.Inject;

/**
 * Lambda: {@code POST /p/provider/test/payment_methods}, the test payment provider's tokenization
 * (what Stripe.js does for Stripe), with a portal credential. A function apart from the portal API, so
 * card numbers never pass through that one.
 */
public class PortalTokenizeHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  @Inject
  PortalApi api;
  @Inject
  TestTokenization tokenization;

  public PortalTokenizeHandler() {}

  public PortalTokenizeHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    return api.serve(event, this::route);
  }

  private ApiResponse route(PortalRequest r) {
    return switch (r.route()) {
      case "POST /p/provider/test/payment_methods" -> tokenization.tokenize(r);
      default -> throw new ApiError(404, ApiError.INVALID_REQUEST, "route_unknown", null, "Unrecognized request: " + r.route());
    };
  }
}
