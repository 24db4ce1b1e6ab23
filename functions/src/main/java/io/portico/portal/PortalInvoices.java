package io.portico.portal;

import io.portico.api.ApiResponse;
import io.portico.domain.Invoice;
import io.portico.domain.PaymentMethod;
import io.portico.error.ApiError;
import io.portico.service.InvoicePdfService;
import io.portico.service.InvoiceService;
import io.portico.store.InvoiceRepository;
import io.portico.store.PaymentMethodRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer's invoices in the portal ({@code features.invoice_history}): the finalized ones,
 * paged; paying an open one, with a payment method of the customer's choosing, through
 * {@link InvoiceService#pay} as the merchant API does; and each one's PDF. Drafts (the merchant's
 * work in progress) and other customers' invoices do not exist here (404).
 */
@Singleton
public class PortalInvoices {
  static final String FEATURE = "invoice_history";

  private final InvoiceService service;
  private final InvoicePdfService pdfs;
  private final InvoiceRepository invoices;
  private final PaymentMethodRepository paymentMethods;

  public PortalInvoices(InvoiceService service, InvoicePdfService pdfs, InvoiceRepository invoices, PaymentMethodRepository paymentMethods) {
    this.service = service;
    this.pdfs = pdfs;
    this.invoices = invoices;
    this.paymentMethods = paymentMethods;
  }

  /** {@code GET /p/api/invoices}: newest first, {@code limit} (1–100, default 10) and a cursor ({@code starting_after} or {@code ending_before}). */
  public ApiResponse list(PortalRequest r) {
    r.require(r.features().invoiceHistory().enabled(), FEATURE);
    Params p = r.params();
    for (String cursor : new String[] {"starting_after", "ending_before"}) {
      String id = p.has(cursor) ? p.string(cursor, 5000) : null;
      if (id != null && !id.isEmpty()) own(r, id, cursor);
    }
    return service.listFinalized(r.merchantRequest("GET /v1/invoices", p), r.customerId(), "/p/api/invoices");
  }

  /**
   * {@code POST /p/api/invoices/{invoice}/pay}: charges {@code payment_method} (one of the customer's;
   * otherwise the subscription's or customer's default). A decline is Stripe's card_error (402) and
   * leaves the invoice open.
   */
  public ApiResponse pay(PortalRequest r) {
    r.require(r.features().invoiceHistory().enabled(), FEATURE);
    Invoice invoice = own(r, r.pathParameter("invoice"), "invoice");
    Params p = r.params();
    String pm = p.nonEmptyString("payment_method", 5000);
    p.rejectUnknown();
    if (pm != null) {
      Versioned<PaymentMethod> found = paymentMethods.find(r.context().scope(), pm);
      if (found == null || found.deleted() || !r.customerId().equals(found.value().customerId())) {
        throw ApiError.noSuch("payment_method", pm, "payment_method");
      }
    }
    return service.pay(r.merchantRequest("POST /v1/invoices/{invoice}/pay", PortalRequest.form("payment_method", pm)), invoice.id());
  }

  /** {@code GET /p/api/invoices/{invoice}/pdf}: the PDF itself, as a download. */
  public ApiResponse pdf(PortalRequest r) {
    r.require(r.features().invoiceHistory().enabled(), FEATURE);
    String id = r.pathParameter("invoice");
    Invoice invoice = own(r, id, "invoice");
    r.params().rejectUnknown();
    String link = invoice.invoicePdf();
    InvoicePdfService.Pdf pdf = link == null ? null : pdfs.render(link.substring(link.lastIndexOf('/') + 1));
    if (pdf == null) throw ApiError.noSuch("invoice", id, "invoice");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Disposition", "attachment; filename=\"" + pdf.filename() + "\"");
    return new ApiResponse(200, pdf.bytes(), "application/pdf", headers);
  }

  /** The session customer's finalized invoice {@code id}; a draft, another customer's or an unknown one is no such invoice (404). */
  private Invoice own(PortalRequest r, String id, String param) {
    Versioned<Invoice> found = invoices.find(r.context().scope(), id);
    if (found == null || !r.customerId().equals(found.value().customer()) || "draft".equals(found.value().status())) {
      throw ApiError.noSuch("invoice", id, param);
    }
    return found.value();
  }
}
