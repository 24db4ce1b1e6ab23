package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.TaxIdService;
import jakarta.inject.Inject;

/** Lambda: a customer's tax IDs, {@code /v1/customers/{customer}/tax_ids} (stripe-java's {@code customers().taxIds()}). */
public class TaxIdsHandler extends MerchantHandler {
  @Inject
  TaxIdService taxIds;

  public TaxIdsHandler() {}

  public TaxIdsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    String customer = r.pathParameter("customer");
    return switch (r.route()) {
      case "POST /v1/customers/{customer}/tax_ids" -> taxIds.create(r, customer);
      case "GET /v1/customers/{customer}/tax_ids" -> taxIds.list(r, customer);
      case "GET /v1/customers/{customer}/tax_ids/{tax_id}" -> taxIds.retrieve(r, customer, r.pathParameter("tax_id"));
      case "DELETE /v1/customers/{customer}/tax_ids/{tax_id}" -> taxIds.delete(r, customer, r.pathParameter("tax_id"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
