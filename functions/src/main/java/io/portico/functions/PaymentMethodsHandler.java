package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.PaymentMethodService;
import jakarta.inject.Inject;

/**
 * Lambda: {@code /v1/payment_methods…} and a customer's {@code /v1/customers/{customer}/payment_methods…}
 * (the routes stripe-java uses for {@code customers().paymentMethods()}).
 */
public class PaymentMethodsHandler extends MerchantHandler {
  @Inject
  PaymentMethodService paymentMethods;

  public PaymentMethodsHandler() {}

  public PaymentMethodsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/payment_methods" -> paymentMethods.create(r);
      case "GET /v1/payment_methods" -> paymentMethods.list(r);
      case "GET /v1/payment_methods/{payment_method}" -> paymentMethods.retrieve(r, r.pathParameter("payment_method"));
      case "POST /v1/payment_methods/{payment_method}" -> paymentMethods.update(r, r.pathParameter("payment_method"));
      case "POST /v1/payment_methods/{payment_method}/attach" -> paymentMethods.attach(r, r.pathParameter("payment_method"));
      case "POST /v1/payment_methods/{payment_method}/detach" -> paymentMethods.detach(r, r.pathParameter("payment_method"));
      case "GET /v1/customers/{customer}/payment_methods" -> paymentMethods.listForCustomer(r, r.pathParameter("customer"));
      case "GET /v1/customers/{customer}/payment_methods/{payment_method}" ->
          paymentMethods.retrieveForCustomer(r, r.pathParameter("customer"), r.pathParameter("payment_method"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
