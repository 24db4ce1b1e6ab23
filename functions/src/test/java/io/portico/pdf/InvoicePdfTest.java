package io.portico.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.Account;
import io.portico.domain.Address;
import io.portico.domain.Invoice;
import io.portico.domain.InvoiceLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders invoices built by hand and reads them back with PDFBox's text extraction: what a customer
 * reads must be there, amounts in the currency's decimals. To look at the PDFs, run with
 * {@code -Dportico.pdf.samples=/some/dir}: each test writes what it rendered there.
 */
class InvoicePdfTest {
  private static final Account MERCHANT = new Account("acct_1", "Acme Cloud Ltd", "billing@acme.example", "+1 415 555 0100",
      "https://acme.example/support", null, null, null, "2026-07-29.dahlia", 0, null);
  private static final long NOV_1 = Instant.parse("2026-11-01T09:00:00Z").getEpochSecond();
  private static final long NOV_15 = Instant.parse("2026-11-15T09:00:00Z").getEpochSecond();
  private static final long DEC_1 = Instant.parse("2026-12-01T09:00:00Z").getEpochSecond();

  private final TestInfo test;

  InvoicePdfTest(TestInfo test) {
    this.test = test;
  }

  @Test
  void paidUsdInvoiceWithAProrationCreditAndADiscount() {
    InvoiceDraft draft = new InvoiceDraft("usd");
    draft.line("Pro plan", 2, "2500", 5000);
    draft.proration("Unused time on Basic plan after Nov 15, 2026", -1250);
    draft.proration("Remaining time on Pro plan after Nov 15, 2026", 1800);
    draft.discounts = List.of(new Invoice.DiscountAmount(1110, "di_welcome"));
    draft.totals(5550, 4440, 4440, 0);
    draft.paidAt = NOV_1 + 60;
    draft.footer = "Thank you for your business. Acme Cloud Ltd, 1 Market St, San Francisco, CA 94105.";

    byte[] pdf = render(draft.build(), Map.of("di_welcome", "WELCOME20 (20% off)"));
    String text = text(pdf);

    assertEquals(1, pages(pdf));
    assertContains(text, "Acme Cloud Ltd", "billing@acme.example", "https://acme.example/support", "+1 415 555 0100");
    assertContains(text, "Invoice", "PAID", "Invoice number PORT-0001", "Date of issue Nov 1, 2026", "Paid on Nov 1, 2026");
    assertContains(text, "Jenny Rosen", "jenny@example.com", "510 Townsend St", "San Francisco, CA 94103", "United States");
    assertContains(text, "Pro plan 2 25.00 USD 50.00 USD", "Nov 1, 2026 – Dec 1, 2026");
    assertContains(text, "Unused time on Basic plan after Nov 15, 2026 1 -12.50 USD", "Proration · Nov 15, 2026 – Dec 1, 2026");
    assertContains(text, "Subtotal 55.50 USD", "WELCOME20 (20% off) -11.10 USD", "Total 44.40 USD");
    assertContains(text, "Amount due 44.40 USD", "Amount paid 44.40 USD", "Amount remaining 0.00 USD");
    assertContains(text, "Thank you for your business.");
    assertFalse(text.contains("Date due"), "charged automatically: no due date");
    assertFalse(text.contains("Applied balance"), "nothing was applied from the balance");
  }

  @Test
  void jpyAmountsHaveNoDecimalsAndAJapaneseNameDoesNotStopRendering() {
    InvoiceDraft draft = new InvoiceDraft("jpy");
    draft.customerName = "株式会社テスト";
    draft.line("Enterprise plan", 1, "1230000", 1_230_000);
    draft.line("Extra seats", 3, "1500", 4_500);
    draft.totals(1_234_500, 1_234_500, 1_234_500, 0);

    String text = text(render(draft.build(), Map.of()));

    assertContains(text, "Extra seats 3 1,500 JPY 4,500 JPY", "Total 1,234,500 JPY", "Amount paid 1,234,500 JPY");
    assertFalse(text.contains("1,234,500.00"), "yen have no minor unit");
    // The name cannot be printed in Helvetica; the rest of the bill-to block is still there.
    assertContains(text, "???????", "jenny@example.com");
  }

  @Test
  void kwdAmountsHaveThreeDecimalsAndLatinAccentsPrintAsTheyAre() {
    InvoiceDraft draft = new InvoiceDraft("kwd");
    draft.customerName = "Zoë Ünlü";
    draft.line("Business plan", 1, "12345", 12_345);
    // A metered price below one fils: the unit price keeps its extra decimals, the amount does not.
    draft.line("API calls", 1000, "12.5", 12_500);
    draft.totals(24_845, 24_845, 24_845, 0);

    String text = text(render(draft.build(), Map.of()));

    assertContains(text, "Zoë Ünlü", "Business plan 1 12.345 KWD 12.345 KWD", "API calls 1000 0.0125 KWD 12.500 KWD");
    assertContains(text, "Subtotal 24.845 KWD", "Total 24.845 KWD");
  }

  @Test
  void openSendInvoiceShowsItsDueDateAndWhatIsLeftToPay() {
    InvoiceDraft draft = new InvoiceDraft("usd");
    draft.status = "open";
    draft.collectionMethod = "send_invoice";
    draft.dueDate = DEC_1;
    draft.line("Consulting: migration of the billing system to the new platform, including data export, "
        + "reconciliation of historical invoices and a training session for the finance team", 1, "9900", 9900);
    // 9.00 of credit on the customer's balance lowered the amount due.
    draft.totals(9900, 9900, 0, 9000);
    draft.amountDue = 9000;

    byte[] pdf = render(draft.build(), Map.of());
    String text = text(pdf);

    assertContains(text, "OPEN", "Date due Dec 1, 2026", "Total 99.00 USD", "Applied balance -9.00 USD");
    assertContains(text, "Amount due 90.00 USD", "Amount paid 0.00 USD", "Amount remaining 90.00 USD");
    assertFalse(text.contains("PAID") || text.contains("Paid on"));
    // The long description wraps inside its column: its start and end are on different lines.
    String first = text.lines().filter(l -> l.contains("Consulting:")).findFirst().orElseThrow();
    assertTrue(first.endsWith("99.00 USD") && !first.contains("finance team"), first);
    assertContains(text, "finance team");
  }

  @Test
  void sixtyLinesFlowOntoFurtherPagesWithTheTableHeaderRepeated() {
    InvoiceDraft draft = new InvoiceDraft("usd");
    for (int i = 1; i <= 60; i++) {
      draft.line(String.format("Seat %02d", i), 1, "1000", 1000);
    }
    draft.totals(60_000, 60_000, 60_000, 0);

    byte[] pdf = render(draft.build(), Map.of());

    // Each row is two lines (the seat, then its period): 14 rows fit under the first page's header,
    // 19 on each further page, so 14 + 19 + 19 + 8; the totals follow the last row on page 4.
    assertEquals(4, pages(pdf));
    for (int page = 1; page <= 4; page++) {
      String text = text(pdf, page, page);
      assertContains(text, "Description Qty Unit price Amount", "Page " + page + " of 4");
      assertEquals(page > 1, text.contains("Acme Cloud Ltd · Invoice PORT-0001 (continued)"), "page " + page);
    }
    String all = text(pdf);
    for (int i = 1; i <= 60; i++) {
      String seat = String.format("Seat %02d 1 10.00 USD 10.00 USD", i);
      assertEquals(all.indexOf(seat), all.lastIndexOf(seat), seat + " once");
      assertTrue(all.contains(seat), seat);
    }
    assertContains(text(pdf, 4, 4), "Seat 60", "Total 600.00 USD");
  }

  @Test
  void awkwardContentStillRendersInsideItsColumns() {
    InvoiceDraft draft = new InvoiceDraft("usd");
    draft.customerName = null;
    draft.address = null;
    draft.line("Ref " + "x".repeat(300) + " 🚀 東京 data\ttransfer\nplan", 1, "99999999999", 99_999_999_999L);
    draft.totals(99_999_999_999L, 99_999_999_999L, 0, 99_999_999_999L);
    Account bare = new Account("acct_2", "Bare Merchant", null, null, null, null, null, null, null, 0, null);

    byte[] pdf = render(draft.build(), bare, Map.of());
    String text = text(pdf);

    assertEquals(1, pages(pdf));
    assertContains(text, "Bare Merchant", "jenny@example.com", "? ?? data", "transfer plan", "Total 999,999,999.99 USD");
    // The 300 x's are broken across lines, none wider than the description column.
    assertTrue(text.lines().filter(l -> l.contains("xxxx")).count() >= 3, text);
  }

  @ParameterizedTest
  @CsvSource({"paid, PAID", "open, OPEN", "void, VOID", "uncollectible, UNCOLLECTIBLE"})
  void everyFinalStatusIsMarked(String status, String mark) {
    InvoiceDraft draft = new InvoiceDraft("eur");
    draft.status = status;
    draft.line("Starter plan", 1, "900", 900);
    draft.totals(900, 900, status.equals("paid") ? 900 : 0, status.equals("paid") ? 0 : 900);
    draft.paidAt = status.equals("paid") ? NOV_1 : null;
    draft.voidedAt = status.equals("void") ? NOV_15 : null;
    draft.uncollectibleAt = status.equals("uncollectible") ? NOV_15 : null;

    String text = text(render(draft.build(), Map.of()));

    assertContains(text, mark, "Total 9.00 EUR");
    if (status.equals("void")) assertContains(text, "Voided on Nov 15, 2026");
    if (status.equals("uncollectible")) assertContains(text, "Uncollectible since Nov 15, 2026");
  }

  @Test
  void aDraftOrAnIncompleteListOfLinesIsRefused() {
    InvoiceDraft draft = new InvoiceDraft("usd");
    draft.status = "draft";
    assertThrows(IllegalArgumentException.class, () -> InvoicePdf.render(draft.build(), MERCHANT, "en"));

    draft.status = "open";
    draft.hasMore = true;
    assertThrows(IllegalArgumentException.class, () -> InvoicePdf.render(draft.build(), MERCHANT, "en"));
  }

  private byte[] render(Invoice invoice, Map<String, String> discountNames) {
    return render(invoice, MERCHANT, discountNames);
  }

  private byte[] render(Invoice invoice, Account merchant, Map<String, String> discountNames) {
    byte[] pdf = InvoicePdf.render(invoice, merchant, "en", discountNames);
    String samples = System.getProperty("portico.pdf.samples");
    if (samples != null) {
      String method = test.getTestMethod().orElseThrow().getName();
      String name = test.getDisplayName().startsWith(method) ? method : method + "_" + test.getDisplayName().replaceAll("\\W+", "_");
      try {
        Files.write(Files.createDirectories(Path.of(samples)).resolve(name + ".pdf"), pdf);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pdf;
  }

  private static String text(byte[] pdf) {
    return text(pdf, 1, Integer.MAX_VALUE);
  }

  /** The text of pages {@code from} to {@code to}, in reading order (a table row is one line). */
  private static String text(byte[] pdf, int from, int to) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setStartPage(from);
      stripper.setEndPage(to);
      return stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertContains(String text, String... expected) {
    for (String e : expected) {
      assertTrue(text.contains(e), () -> "missing \"" + e + "\" in:\n" + text);
    }
  }

  /** An invoice with sensible defaults; tests change the fields they are about. */
  private static final class InvoiceDraft {
    final String currency;
    final List<InvoiceLine> lines = new ArrayList<>();
    String status = "paid";
    String collectionMethod = "charge_automatically";
    String customerName = "Jenny Rosen";
    Address address = new Address("San Francisco", "US", "510 Townsend St", null, "94103", "CA");
    List<Invoice.DiscountAmount> discounts = List.of();
    long subtotal;
    long total;
    long amountDue;
    long amountPaid;
    long amountRemaining;
    Long dueDate;
    Long paidAt;
    Long voidedAt;
    Long uncollectibleAt;
    String footer;
    boolean hasMore;

    InvoiceDraft(String currency) {
      this.currency = currency;
    }

    /** A subscription line for the period Nov 1 to Dec 1. */
    void line(String description, long quantity, String unitAmountDecimal, long amount) {
      lines.add(line(description, quantity, unitAmountDecimal, amount, false, NOV_1));
    }

    /** A proration for the rest of the period from Nov 15: a credit when {@code amount} is negative. */
    void proration(String description, long amount) {
      lines.add(line(description, 1, "2500", amount, true, NOV_15));
    }

    private InvoiceLine line(String description, long quantity, String unitAmountDecimal, long amount, boolean proration, long start) {
      var details = new InvoiceLine.SubscriptionItemDetails(null, proration, null, "sub_1", "si_1");
      var parent = new InvoiceLine.Parent(null, details, "subscription_item_details");
      var pricing = new InvoiceLine.Pricing(new InvoiceLine.PriceDetails("price_1", "prod_1"), "price_details", unitAmountDecimal);
      return new InvoiceLine("il_" + lines.size(), amount, currency, description, List.of(), true, List.of(), "in_1", false,
          Map.of(), parent, new InvoiceLine.Period(DEC_1, start), List.of(), pricing, quantity, "sub_1", amount, List.of());
    }

    void totals(long subtotal, long total, long amountPaid, long amountRemaining) {
      this.subtotal = subtotal;
      this.total = total;
      this.amountDue = total;
      this.amountPaid = amountPaid;
      this.amountRemaining = amountRemaining;
    }

    Invoice build() {
      var transitions = new Invoice.StatusTransitions(NOV_1, uncollectibleAt, paidAt, voidedAt);
      var parent = new Invoice.Parent(null, new Invoice.SubscriptionDetails(Map.of(), "sub_1", null), "subscription_details");
      return new Invoice("in_1", "US", "Acme Cloud Ltd", amountDue, 0, amountPaid, amountRemaining, 0, null, 1, true, false,
          null, null, "subscription_cycle", collectionMethod, NOV_1, currency, "cus_1", address, "jenny@example.com",
          customerName, null, null, "none", List.of(), null, null, List.of(), dueDate, NOV_1, 0, footer, null, null, null,
          null, new Invoice.Lines(lines, hasMore, "/v1/invoices/in_1/lines"), false, Map.of(), null, "PORT-0001", parent,
          NOV_1, NOV_1, 0, 0, 0, status, transitions, subtotal, subtotal, null, total, discounts, total, List.of(), List.of());
    }
  }
}
