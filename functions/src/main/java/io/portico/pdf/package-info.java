/**
 * Invoice PDFs, in plain Java with Apache PDFBox: {@link io.portico.pdf.InvoicePdf#render} turns a
 * finalized {@link io.portico.domain.Invoice} into the bytes of an A4 PDF. No I/O, no clock, no
 * framework: everything printed comes from the invoice and the merchant's account.
 *
 * <p>Only the standard 14 PDF fonts are used (Helvetica), so no font file is embedded or shipped;
 * the price is that text must be encodable in WinAnsi, which {@link io.portico.pdf.PdfText}
 * enforces. Words, money and dates go through {@link io.portico.pdf.InvoiceFormat}, the one place
 * a new locale has to be added.
 */
package io.portico.pdf;
