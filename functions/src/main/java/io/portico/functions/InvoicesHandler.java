package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.InvoiceService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/invoices}, its actions (pay, finalize, void) and {@code create_preview}. */
public class InvoicesHandler extends MerchantHandler {
  @Inject
  InvoiceService invoices;

  public InvoicesHandler() {}

  public InvoicesHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "GET /v1/invoices" -> invoices.list(r);
      case "POST /v1/invoices/create_preview" -> invoices.createPreview(r);
      case "GET /v1/invoices/{invoice}" -> invoices.retrieve(r, r.pathParameter("invoice"));
      case "POST /v1/invoices/{invoice}/pay" -> invoices.pay(r, r.pathParameter("invoice"));
      case "POST /v1/invoices/{invoice}/finalize" -> invoices.finalizeInvoice(r, r.pathParameter("invoice"));
      case "POST /v1/invoices/{invoice}/void" -> invoices.voidInvoice(r, r.pathParameter("invoice"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
