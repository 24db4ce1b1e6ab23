package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.ApiResponse;
import io.portico.error.ApiError;
import io.portico.portal.PortalAccessService;
import io.portico.portal.PortalApi;
import io.portico.portal.PortalBillingDetails;
import io.portico.portal.PortalHome;
import io.portico.portal.PortalInvoices;
import io.portico.portal.PortalPaymentMethods;
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
  // Payment methods, billing details and tax IDs, invoices.
  @Inject
  PortalPaymentMethods paymentMethods;
  @Inject
  PortalBillingDetails billingDetails;
  @Inject
  PortalInvoices invoices;

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
      // Payment methods, billing details and tax IDs, invoices.
      case "POST /p/api/payment_methods" -> paymentMethods.add(r);
      case "POST /p/api/payment_methods/{payment_method}/default" -> paymentMethods.makeDefault(r);
      case "DELETE /p/api/payment_methods/{payment_method}" -> paymentMethods.remove(r);
      case "POST /p/api/customer" -> billingDetails.update(r);
      case "POST /p/api/tax_ids" -> billingDetails.addTaxId(r);
      case "DELETE /p/api/tax_ids/{tax_id}" -> billingDetails.removeTaxId(r);
      case "GET /p/api/invoices" -> invoices.list(r);
      case "POST /p/api/invoices/{invoice}/pay" -> invoices.pay(r);
      case "GET /p/api/invoices/{invoice}/pdf" -> invoices.pdf(r);
      default -> throw new ApiError(404, ApiError.INVALID_REQUEST, "route_unknown", null, "Unrecognized portal request: " + r.route());
    };
  }
}
