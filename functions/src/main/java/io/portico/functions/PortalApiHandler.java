package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.ApiResponse;
import io.portico.config.LambdaContext;
import io.portico.config.Priming;
import io.portico.error.ApiError;
import io.portico.portal.PortalAccessService;
import io.portico.portal.PortalApi;
import io.portico.portal.PortalCancellation;
import io.portico.portal.PortalFlow;
import io.portico.portal.PortalBillingDetails;
import io.portico.portal.PortalHome;
import io.portico.portal.PortalInvoices;
import io.portico.portal.PortalPaymentMethods;
import io.portico.portal.PortalRequest;
import io.portico.portal.PortalSubscriptionUpdate;
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
  @Inject
  PortalCancellation cancellation;
  @Inject
  PortalFlow flow;
  @Inject
  PortalSubscriptionUpdate update;
  // Payment methods, billing details and tax IDs, invoices.
  @Inject
  PortalPaymentMethods paymentMethods;
  @Inject
  PortalBillingDetails billingDetails;
  @Inject
  PortalInvoices invoices;

  private Priming priming;

  /** Lambda's constructor: with SnapStart, a call with an unknown credential primes the function before the snapshot ({@link Priming}). */
  public PortalApiHandler() {
    priming = Priming.register(() -> handleRequest(Priming.request("GET", "/p/api/home", "/p/api/home", null), null));
  }

  public PortalApiHandler(ApplicationContext context) {
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
      case "GET /p/api/home" -> home.home(r);
      case "GET /p/api/subscriptions/{subscription}/upcoming" -> home.upcoming(r);
      case "POST /p/api/session/end" -> access.end(r);
      // Cancel, retention offer, renew, and where a deep-link flow starts.
      case "GET /p/api/flow" -> flow.flow(r);
      case "GET /p/api/subscriptions/{subscription}/cancel_options" -> cancellation.options(r);
      case "POST /p/api/subscriptions/{subscription}/cancel" -> cancellation.cancel(r);
      case "POST /p/api/subscriptions/{subscription}/cancellation_reason" -> cancellation.reason(r);
      case "POST /p/api/subscriptions/{subscription}/retention/accept" -> cancellation.acceptRetention(r);
      case "POST /p/api/subscriptions/{subscription}/renew" -> cancellation.renew(r);
      // Plan changes (subscription_update) and the merchant's prepared change (flow subscription_update_confirm).
      case "GET /p/api/subscriptions/{subscription}/update_options" -> update.options(r);
      case "POST /p/api/subscriptions/{subscription}/preview" -> update.preview(r);
      case "POST /p/api/subscriptions/{subscription}/update" -> update.update(r);
      case "GET /p/api/flow/update_confirm/preview" -> update.flowPreview(r);
      case "POST /p/api/flow/update_confirm" -> update.flowConfirm(r);
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
