package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.SubscriptionService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/subscriptions} and {@code /v1/subscriptions/{subscription}}. */
public class SubscriptionsHandler extends MerchantHandler {
  @Inject
  SubscriptionService subscriptions;

  public SubscriptionsHandler() {}

  public SubscriptionsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/subscriptions" -> subscriptions.create(r);
      case "GET /v1/subscriptions" -> subscriptions.list(r);
      case "GET /v1/subscriptions/{subscription}" -> subscriptions.retrieve(r, r.pathParameter("subscription"));
      case "POST /v1/subscriptions/{subscription}" -> subscriptions.update(r, r.pathParameter("subscription"));
      case "DELETE /v1/subscriptions/{subscription}" -> subscriptions.cancel(r, r.pathParameter("subscription"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
