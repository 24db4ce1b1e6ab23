package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.PriceService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/prices} and {@code /v1/prices/{price}}. */
public class PricesHandler extends MerchantHandler {
  @Inject
  PriceService prices;

  public PricesHandler() {}

  public PricesHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/prices" -> prices.create(r);
      case "GET /v1/prices" -> prices.list(r);
      case "GET /v1/prices/{price}" -> prices.retrieve(r, r.pathParameter("price"));
      case "POST /v1/prices/{price}" -> prices.update(r, r.pathParameter("price"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
