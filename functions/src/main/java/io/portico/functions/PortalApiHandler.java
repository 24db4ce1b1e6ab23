package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.ApiResponse;
import io.portico.error.ApiError;
import io.portico.portal.PortalAccessService;
import io.portico.portal.PortalApi;
import io.portico.portal.PortalHome;
import io.portico.portal.PortalRequest;
import jakarta.inject.Inject;

/**
 * Lambda: {@code /p/api/…}, the customer portal API the hosted page and merchants' own front-ends
 * call with a portal credential. One function for every route, so a customer's clicks share a warm container.
 */
public class PortalApiHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  @Inject
  PortalApi api;
  @Inject
  PortalHome home;
  @Inject
  PortalAccessService access;

  public PortalApiHandler() {}

  public PortalApiHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    return api.serve(event, this::route);
  }

  private ApiResponse route(PortalRequest r) {
    return switch (r.route()) {
      case "GET /p/api/home" -> home.home(r);
      case "POST /p/api/session/end" -> access.end(r);
      default -> throw new ApiError(404, ApiError.INVALID_REQUEST, "route_unknown", null, "Unrecognized portal request: " + r.route());
    };
  }
}
