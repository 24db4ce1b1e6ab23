package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.WebhookEndpointService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/webhook_endpoints}, with our resend and deliveries extensions. */
public class WebhookEndpointsHandler extends MerchantHandler {
  @Inject
  WebhookEndpointService endpoints;

  public WebhookEndpointsHandler() {}

  public WebhookEndpointsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    String id = r.pathParameter("webhook_endpoint");
    return switch (r.route()) {
      case "POST /v1/webhook_endpoints" -> endpoints.create(r);
      case "GET /v1/webhook_endpoints" -> endpoints.list(r);
      case "GET /v1/webhook_endpoints/{webhook_endpoint}" -> endpoints.retrieve(r, id);
      case "POST /v1/webhook_endpoints/{webhook_endpoint}" -> endpoints.update(r, id);
      case "DELETE /v1/webhook_endpoints/{webhook_endpoint}" -> endpoints.delete(r, id);
      case "POST /v1/webhook_endpoints/{webhook_endpoint}/resend" -> endpoints.resend(r, id);
      case "GET /v1/webhook_endpoints/{webhook_endpoint}/deliveries" -> endpoints.deliveries(r, id);
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
