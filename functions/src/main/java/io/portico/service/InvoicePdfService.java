package io.portico.service;

import io.portico.domain.Invoice;
import io.portico.pdf.InvoicePdf;
import io.portico.store.AccountRepository;
import io.portico.store.InvoiceRepository;
import jakarta.inject.Singleton;

/**
 * An invoice's PDF, reached through its {@code invoice_pdf} link: the link's random token is the
 * credential (as Stripe's PDF links are), so it can be handed to the customer.
 */
@Singleton
public class InvoicePdfService {
  public record Pdf(String filename, byte[] bytes) {}

  private final InvoiceRepository invoices;
  private final AccountRepository accounts;

  public InvoicePdfService(InvoiceRepository invoices, AccountRepository accounts) {
    this.invoices = invoices;
    this.accounts = accounts;
  }

  /** The PDF for {@code token}, or null when the link names no finalized invoice. */
  public Pdf render(String token) {
    if (token == null || token.length() > 100) return null;
    InvoiceRepository.PdfLink link = invoices.findByPdfToken(token);
    if (link == null || link.invoice().status().equals("draft")) return null;
    Invoice invoice = link.invoice();
    return new Pdf("Invoice-" + invoice.number() + ".pdf", InvoicePdf.render(invoice, accounts.find(link.scope().accountId()), "en"));
  }
}
