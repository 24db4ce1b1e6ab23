package io.portico.pdf;

import static io.portico.pdf.Canvas.INK;
import static io.portico.pdf.Canvas.LEFT;
import static io.portico.pdf.Canvas.MUTED;
import static io.portico.pdf.Canvas.RIGHT;
import static io.portico.pdf.Canvas.RULE;
import static io.portico.pdf.Canvas.TOP;

import io.portico.domain.Account;
import io.portico.domain.Address;
import io.portico.domain.Invoice;
import io.portico.domain.InvoiceLine;
import io.portico.pdf.InvoiceFormat.Label;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A finalized invoice as an A4 PDF: the merchant and its support contacts, the status mark, the
 * invoice's dates, whom it bills, a table of its lines (flowing onto further pages, header repeated),
 * its totals and its footer. Everything printed comes from the invoice and the account; nothing is
 * recomputed, so the PDF always agrees with the invoice object the API returns.
 */
public final class InvoicePdf {
  // Table columns: the description's width from the left margin, the right edges of the quantity and
  // unit price (the amount ends at the right margin), the widest a number may be, where totals start.
  private static final float DESCRIPTION_WIDTH = 250;
  private static final float QUANTITY_RIGHT = 350;
  private static final float UNIT_PRICE_RIGHT = 450;
  private static final float NUMBER_WIDTH = 88;
  private static final float TOTALS_LEFT = 320;

  private static final Color PAID = new Color(0x1a, 0x7f, 0x37);
  private static final Color OPEN = new Color(0x09, 0x69, 0xda);
  private static final Color UNCOLLECTIBLE = new Color(0xcf, 0x22, 0x2e);

  private final Invoice invoice;
  private final Account merchant;
  private final InvoiceFormat format;
  private final Map<String, String> discountNames;
  private final Canvas canvas;

  private InvoicePdf(Invoice invoice, Account merchant, InvoiceFormat format, Map<String, String> discountNames, Canvas canvas) {
    this.invoice = invoice;
    this.merchant = merchant;
    this.format = format;
    this.discountNames = discountNames;
    this.canvas = canvas;
  }

  /** The PDF of {@code invoice}, issued by {@code merchant}, in {@code locale} (Stripe's codes; English for now). */
  public static byte[] render(Invoice invoice, Account merchant, String locale) {
    return render(invoice, merchant, locale, Map.of());
  }

  /**
   * The same, with a printed name for each discount: {@code discountNames} maps the ids in the
   * invoice's {@code total_discount_amounts} to what the customer should read (a coupon's name,
   * "20% off"); a discount without one is printed as "Discount".
   *
   * @throws IllegalArgumentException for a draft (it has no number and may still change, so Stripe
   *     gives it no PDF either) or an invoice whose lines are not all there ({@code has_more}).
   */
  public static byte[] render(Invoice invoice, Account merchant, String locale, Map<String, String> discountNames) {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(merchant, "merchant");
    Objects.requireNonNull(discountNames, "discountNames");
    if (invoice.status() == null || "draft".equals(invoice.status())) {
      throw new IllegalArgumentException("Only a finalized invoice has a PDF; " + invoice.id() + " has status " + invoice.status() + ".");
    }
    if (invoice.lines() != null && invoice.lines().hasMore()) {
      // A PDF missing lines would not add up to its own total.
      throw new IllegalArgumentException("Invoice " + invoice.id() + " must carry all its lines (has_more is true).");
    }
    try (Canvas canvas = new Canvas()) {
      InvoicePdf pdf = new InvoicePdf(invoice, merchant, InvoiceFormat.forLocale(locale), discountNames, canvas);
      pdf.describe();
      pdf.header();
      pdf.details();
      pdf.lines();
      pdf.totals();
      pdf.footer();
      return canvas.finish(pdf::pageFooter);
    }
  }

  private void describe() {
    PDDocumentInformation info = canvas.document.getDocumentInformation();
    info.setTitle(format.label(Label.INVOICE) + " " + number());
    info.setAuthor(businessName());
    info.setCreator("Portico");
  }

  /** Business name and support contacts on the left; "Invoice" and the status mark on the right. */
  private void header() {
    float left = TOP - 16;
    for (String line : canvas.wrap(businessName(), canvas.bold, 16, 300)) {
      canvas.text(line, LEFT, left, canvas.bold, 16, INK);
      left -= 19;
    }
    left -= 2;
    for (String contact : nonBlank(merchant.supportEmail(), merchant.supportUrl(), merchant.supportPhone())) {
      for (String line : canvas.wrap(contact, canvas.regular, 9, 300)) {
        canvas.text(line, LEFT, left, canvas.regular, 9, MUTED);
        left -= 12;
      }
    }

    float right = TOP - 18;
    canvas.textRight(format.label(Label.INVOICE), RIGHT, right, canvas.bold, 22, INK, 180);
    String mark = format.statusMark(invoice.status());
    if (mark != null) {
      float size = 10;
      float width = canvas.width(mark, canvas.bold, size);
      float baseline = right - 28;
      Color color = statusColor();
      canvas.box(RIGHT - width - 12, baseline - 5, width + 12, size + 9, color, 1.2f);
      canvas.text(mark, RIGHT - width - 6, baseline, canvas.bold, size, color);
      right = baseline - 5;
    }
    canvas.y = Math.min(left, right) - 22;
  }

  /** The invoice's number and dates on the left, whom it bills on the right. */
  private void details() {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(format.label(Label.INVOICE_NUMBER), number()));
    facts.add(new Fact(format.label(Label.DATE_OF_ISSUE), format.date(issuedAt())));
    if ("send_invoice".equals(invoice.collectionMethod()) && invoice.dueDate() != null) {
      facts.add(new Fact(format.label(Label.DATE_DUE), format.date(invoice.dueDate())));
    }
    Invoice.StatusTransitions at = invoice.statusTransitions();
    if (at != null && at.paidAt() != null) {
      facts.add(new Fact(format.label(Label.PAID_ON), format.date(at.paidAt())));
    }
    if (at != null && at.voidedAt() != null && "void".equals(invoice.status())) {
      facts.add(new Fact(format.label(Label.VOIDED_ON), format.date(at.voidedAt())));
    }
    if (at != null && at.markedUncollectibleAt() != null && "uncollectible".equals(invoice.status())) {
      facts.add(new Fact(format.label(Label.UNCOLLECTIBLE_ON), format.date(at.markedUncollectibleAt())));
    }
    // Stripe sets both ends to the creation time on an invoice that covers no period.
    if (invoice.periodEnd() > invoice.periodStart()) {
      facts.add(new Fact(format.label(Label.BILLING_PERIOD), format.period(invoice.periodStart(), invoice.periodEnd())));
    }

    float top = canvas.y;
    float left = top;
    for (Fact fact : facts) {
      canvas.text(fact.name(), LEFT, left, canvas.regular, 9, MUTED);
      canvas.text(fact.value(), LEFT + 90, left, canvas.regular, 9, INK);
      left -= 14;
    }

    float right = top;
    canvas.text(format.label(Label.BILL_TO), TOTALS_LEFT, right, canvas.regular, 9, MUTED);
    right -= 14;
    List<String> billTo = billTo();
    for (int i = 0; i < billTo.size(); i++) {
      PDFont font = i == 0 ? canvas.bold : canvas.regular;
      for (String line : canvas.wrap(billTo.get(i), font, 9, RIGHT - TOTALS_LEFT)) {
        canvas.text(line, TOTALS_LEFT, right, font, 9, INK);
        right -= 12;
      }
    }
    canvas.y = Math.min(left, right) - 10;

    // The invoice's memo, when the merchant wrote one.
    if (!isBlank(invoice.description())) {
      canvas.y -= 8;
      for (String line : canvas.wrap(invoice.description(), canvas.regular, 9, RIGHT - LEFT)) {
        canvas.ensureRoom(12);
        canvas.text(line, LEFT, canvas.y, canvas.regular, 9, INK);
        canvas.y -= 12;
      }
    }
    canvas.y -= 16;
  }

  /** The table of lines; on every further page, a continuation line and the table header again. */
  private void lines() {
    canvas.onNewPage = () -> {
      continuation();
      tableHeader();
    };
    canvas.ensureRoom(60);
    tableHeader();
    List<InvoiceLine> lines = invoice.lines() == null || invoice.lines().data() == null ? List.of() : invoice.lines().data();
    for (InvoiceLine line : lines) {
      row(line);
    }
    canvas.onNewPage = this::continuation;
  }

  private void tableHeader() {
    float baseline = canvas.y - 9;
    canvas.text(format.label(Label.DESCRIPTION), LEFT, baseline, canvas.bold, 8.5f, MUTED);
    canvas.textRight(format.label(Label.QUANTITY), QUANTITY_RIGHT, baseline, canvas.bold, 8.5f, MUTED, NUMBER_WIDTH);
    canvas.textRight(format.label(Label.UNIT_PRICE), UNIT_PRICE_RIGHT, baseline, canvas.bold, 8.5f, MUTED, NUMBER_WIDTH);
    canvas.textRight(format.label(Label.AMOUNT), RIGHT, baseline, canvas.bold, 8.5f, MUTED, NUMBER_WIDTH);
    canvas.y = baseline - 6;
    canvas.rule(LEFT, RIGHT, canvas.y, INK, 0.8f);
  }

  private void row(InvoiceLine line) {
    List<String> description = canvas.wrap(isBlank(line.description()) ? "" : line.description(), canvas.regular, 9.5f, DESCRIPTION_WIDTH);
    List<String> notes = canvas.wrap(lineNote(line), canvas.regular, 8, DESCRIPTION_WIDTH);
    float height = 8 + Math.max(1, description.size()) * 12.5f + notes.size() * 11 + 4;
    canvas.ensureRoom(height);

    float baseline = canvas.y - 8 - 9.5f;
    String currency = invoice.currency();
    canvas.textRight(Long.toString(line.quantity()), QUANTITY_RIGHT, baseline, canvas.regular, 9.5f, INK, NUMBER_WIDTH);
    canvas.textRight(unitPrice(line), UNIT_PRICE_RIGHT, baseline, canvas.regular, 9.5f, INK, NUMBER_WIDTH);
    canvas.textRight(format.money(line.amount(), currency), RIGHT, baseline, canvas.regular, 9.5f, INK, NUMBER_WIDTH);
    for (String text : description) {
      canvas.text(text, LEFT, baseline, canvas.regular, 9.5f, INK);
      baseline -= 12.5f;
    }
    if (description.isEmpty()) baseline -= 12.5f;
    baseline += 1.5f;
    for (String note : notes) {
      canvas.text(note, LEFT, baseline, canvas.regular, 8, MUTED);
      baseline -= 11;
    }
    canvas.y -= height;
    canvas.rule(LEFT, RIGHT, canvas.y, RULE, 0.5f);
  }

  /** Under a line's description: "Proration" and the period it covers, for subscription lines. */
  private String lineNote(InvoiceLine line) {
    boolean fromSubscription = line.subscription() != null
        || (line.parent() != null && line.parent().subscriptionItemDetails() != null);
    String period = fromSubscription && line.period() != null ? format.period(line.period().start(), line.period().end()) : null;
    return String.join(" · ", nonBlank(line.proration() ? format.label(Label.PRORATION) : null, period));
  }

  /**
   * The price per unit, when the line has one. Not for a proration: its amount is a fraction of
   * quantity × price, and printing the full price next to it would look like an error.
   */
  private String unitPrice(InvoiceLine line) {
    if (line.proration() || line.pricing() == null || line.pricing().unitAmountDecimal() == null) return "";
    return format.money(new BigDecimal(line.pricing().unitAmountDecimal()), invoice.currency());
  }

  /** Subtotal, each discount, total, then what was due, paid and is left; kept together on one page. */
  private void totals() {
    String currency = invoice.currency();
    float labelWidth = RIGHT - NUMBER_WIDTH - 10 - TOTALS_LEFT;
    List<Total> rows = new ArrayList<>();
    rows.add(new Total(format.label(Label.SUBTOTAL), invoice.subtotal(), false));
    for (Invoice.DiscountAmount discount : invoice.totalDiscountAmounts() == null ? List.<Invoice.DiscountAmount>of()
        : invoice.totalDiscountAmounts()) {
      // Stripe lists discounts that took nothing off (on a credit-only invoice, say); "-0.00" would only puzzle.
      if (discount.amount() == 0) continue;
      String name = discountNames.getOrDefault(discount.discount(), format.label(Label.DISCOUNT));
      rows.add(new Total(name, -discount.amount(), false));
    }
    rows.add(Total.RULE);
    rows.add(new Total(format.label(Label.TOTAL), invoice.total(), true));
    // Credit from the customer's balance (or a credit note) makes the amount due differ from the total.
    if (invoice.amountDue() != invoice.total()) {
      rows.add(new Total(format.label(Label.APPLIED_BALANCE), invoice.amountDue() - invoice.total(), false));
    }
    rows.add(new Total(format.label(Label.AMOUNT_DUE), invoice.amountDue(), false));
    rows.add(new Total(format.label(Label.AMOUNT_PAID), invoice.amountPaid(), false));
    rows.add(Total.RULE);
    rows.add(new Total(format.label(Label.AMOUNT_REMAINING), invoice.amountRemaining(), true));

    List<List<String>> labels = rows.stream()
        .map(r -> r == Total.RULE ? List.<String>of() : canvas.wrap(r.label(), canvas.bold, 9.5f, labelWidth)).toList();
    float height = 12 + (float) labels.stream().mapToDouble(l -> l.isEmpty() ? 8 : 16 * l.size()).sum();
    canvas.ensureRoom(height);
    canvas.y -= 12;
    for (int i = 0; i < rows.size(); i++) {
      Total row = rows.get(i);
      if (row == Total.RULE) {
        canvas.rule(TOTALS_LEFT, RIGHT, canvas.y - 3, INK, 0.6f);
        canvas.y -= 8;
        continue;
      }
      PDFont font = row.bold() ? canvas.bold : canvas.regular;
      float baseline = canvas.y - 11;
      canvas.textRight(format.money(row.amount(), currency), RIGHT, baseline, font, 9.5f, INK, NUMBER_WIDTH);
      for (String text : labels.get(i)) {
        canvas.text(text, TOTALS_LEFT, baseline, font, 9.5f, INK);
        baseline -= 16;
      }
      canvas.y -= 16 * labels.get(i).size();
    }
  }

  /** The merchant's footer text, when there is one; it may run onto a further page. */
  private void footer() {
    if (isBlank(invoice.footer())) return;
    canvas.y -= 28;
    for (String line : canvas.wrap(invoice.footer(), canvas.regular, 8.5f, RIGHT - LEFT)) {
      canvas.ensureRoom(11);
      canvas.text(line, LEFT, canvas.y, canvas.regular, 8.5f, MUTED);
      canvas.y -= 11;
    }
  }

  /** At the top of pages after the first: which invoice this page continues. */
  private void continuation() {
    String text = businessName() + " · " + format.label(Label.INVOICE) + " " + number() + " (" + format.label(Label.CONTINUED) + ")";
    canvas.text(text, LEFT, TOP - 9, canvas.regular, 9, MUTED);
    canvas.y = TOP - 30;
  }

  private void pageFooter(int page, int pages) {
    float baseline = Canvas.MARGIN;
    canvas.text(format.label(Label.INVOICE) + " " + number(), LEFT, baseline, canvas.regular, 8, MUTED);
    canvas.textRight(format.pageOf(page, pages), RIGHT, baseline, canvas.regular, 8, MUTED, 150);
  }

  /** Name, email, phone, then the address lines; the customer's id when the invoice names nobody. */
  private List<String> billTo() {
    List<String> lines = new ArrayList<>(nonBlank(invoice.customerName(), invoice.customerEmail(), invoice.customerPhone()));
    Address a = invoice.customerAddress();
    if (a != null) {
      String region = String.join(" ", nonBlank(a.state(), a.postalCode()));
      lines.addAll(nonBlank(a.line1(), a.line2(), String.join(", ", nonBlank(a.city(), region)),
          isBlank(a.country()) ? null : format.country(a.country())));
    }
    if (lines.isEmpty() && invoice.customer() != null) lines.add(invoice.customer());
    return lines;
  }

  private String businessName() {
    return isBlank(merchant.businessName()) ? Objects.requireNonNullElse(invoice.accountName(), "") : merchant.businessName();
  }

  /** A finalized invoice always has a number; the id stands in should one ever lack it. */
  private String number() {
    return isBlank(invoice.number()) ? invoice.id() : invoice.number();
  }

  /**
   * Stripe's "date of issue": {@code effective_at} (the finalization time unless the merchant
   * back- or forward-dated it), else the finalization time, else the creation time.
   */
  private long issuedAt() {
    if (invoice.effectiveAt() != null) return invoice.effectiveAt();
    Invoice.StatusTransitions at = invoice.statusTransitions();
    if (at != null && at.finalizedAt() != null) return at.finalizedAt();
    return invoice.created();
  }

  private Color statusColor() {
    return switch (invoice.status()) {
      case "paid" -> PAID;
      case "open" -> OPEN;
      case "uncollectible" -> UNCOLLECTIBLE;
      default -> MUTED;
    };
  }

  /** One of the invoice's facts under the header: "Date due", "Nov 30, 2026". */
  private record Fact(String name, String value) {}

  /** One line of the totals block; {@link #RULE} draws a line between groups. */
  private record Total(String label, long amount, boolean bold) {
    static final Total RULE = new Total("", 0, false);
  }

  private static List<String> nonBlank(String... values) {
    return Stream.of(values).filter(v -> !isBlank(v)).collect(Collectors.toList());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
