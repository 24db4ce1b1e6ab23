package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.CustomerService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/customers} and {@code /v1/customers/{customer}}. */
public class CustomersHandler extends MerchantHandler {
  @Inject
  CustomerService customers;

  public CustomersHandler() {}

  public CustomersHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    // Stripe's GET /v1/customers/search (not served here) matches {customer}: answer it as an unknown route,
    // not as a retrieve of a customer named "search".
    if (r.route().equals("GET /v1/customers/{customer}") && "search".equals(r.pathParameter("customer"))) {
      throw ApiError.unrecognizedUrl(r.method(), r.path());
    }
    return switch (r.route()) {
      case "POST /v1/customers" -> customers.create(r);
      case "GET /v1/customers" -> customers.list(r);
      case "GET /v1/customers/{customer}" -> customers.retrieve(r, r.pathParameter("customer"));
      case "POST /v1/customers/{customer}" -> customers.update(r, r.pathParameter("customer"));
      case "DELETE /v1/customers/{customer}" -> customers.delete(r, r.pathParameter("customer"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
