package io.portico.pdf;

import io.portico.domain.billing.Currencies;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words, money and dates printed on an invoice, for one locale. Everything locale-dependent
 * goes through here, so a new locale is a change to this class only. English is the only one so
 * far; every other locale falls back to it, as a readable invoice beats a failed one.
 */
final class InvoiceFormat {
  /** Every fixed word on the invoice. */
  enum Label {
    INVOICE("Invoice"),
    INVOICE_NUMBER("Invoice number"),
    CONTINUED("continued"),
    DATE_OF_ISSUE("Date of issue"),
    DATE_DUE("Date due"),
    PAID_ON("Paid on"),
    VOIDED_ON("Voided on"),
    UNCOLLECTIBLE_ON("Uncollectible since"),
    BILLING_PERIOD("Billing period"),
    BILL_TO("Bill to"),
    DESCRIPTION("Description"),
    QUANTITY("Qty"),
    UNIT_PRICE("Unit price"),
    AMOUNT("Amount"),
    PRORATION("Proration"),
    SUBTOTAL("Subtotal"),
    DISCOUNT("Discount"),
    TOTAL("Total"),
    APPLIED_BALANCE("Applied balance"),
    AMOUNT_DUE("Amount due"),
    AMOUNT_PAID("Amount paid"),
    AMOUNT_REMAINING("Amount remaining"),
    PAGE_OF("Page %d of %d"),
    STATUS_PAID("PAID"),
    STATUS_OPEN("OPEN"),
    STATUS_VOID("VOID"),
    STATUS_UNCOLLECTIBLE("UNCOLLECTIBLE");

    private final String english;

    Label(String english) {
      this.english = english;
    }
  }

  private static final InvoiceFormat ENGLISH = new InvoiceFormat(Locale.ENGLISH);

  private final Locale locale;
  private final DateTimeFormatter dates;

  private InvoiceFormat(Locale locale) {
    this.locale = locale;
    // Dates are shown in UTC, the zone of all billing arithmetic here, so a period's printed days
    // match the ones it was computed on; accounts have no time zone yet.
    this.dates = DateTimeFormatter.ofPattern("MMM d, yyyy", locale).withZone(ZoneOffset.UTC);
  }

  /** The format for a Stripe locale code ("en", "en-GB", "auto", ...); English for all of them so far. */
  static InvoiceFormat forLocale(String locale) {
    return ENGLISH;
  }

  String label(Label label) {
    return label.english;
  }

  /** Money in minor units: 123456 usd -> "1,234.56 USD", 1235 jpy -> "1,235 JPY", -1005 kwd -> "-1.005 KWD". */
  String money(long minor, String currency) {
    return money(BigDecimal.valueOf(minor), currency);
  }

  /**
   * The same for a fractional number of minor units (a price's {@code unit_amount_decimal}, such as
   * "0.5" cents): at least the currency's decimals, more only when the amount has them.
   */
  String money(BigDecimal minor, String currency) {
    BigDecimal major = minor.movePointLeft(Currencies.exponent(currency));
    int decimals = Math.max(Currencies.exponent(currency), major.stripTrailingZeros().scale());
    // %f on a BigDecimal with no more decimals than printed is exact: nothing is rounded here.
    return String.format(locale, "%,." + decimals + "f", major) + " " + Currencies.normalize(currency).toUpperCase(Locale.ROOT);
  }

  String pageOf(int page, int pages) {
    return String.format(locale, label(Label.PAGE_OF), page, pages);
  }

  /** A Unix timestamp as a day: "Nov 21, 2026". */
  String date(long epochSecond) {
    return dates.format(Instant.ofEpochSecond(epochSecond));
  }

  /** A period, start to end: "Nov 1, 2026 – Dec 1, 2026". */
  String period(long startEpochSecond, long endEpochSecond) {
    return date(startEpochSecond) + " – " + date(endEpochSecond);
  }

  /** An ISO country code as its name ("DE" -> "Germany"); the code itself when Java does not know it. */
  String country(String code) {
    String name = new Locale("", code).getDisplayCountry(locale);
    return name.isBlank() ? code : name;
  }

  /** The mark for an invoice status; {@code null} for a status that has none. */
  String statusMark(String status) {
    return switch (status) {
      case "paid" -> label(Label.STATUS_PAID);
      case "open" -> label(Label.STATUS_OPEN);
      case "void" -> label(Label.STATUS_VOID);
      case "uncollectible" -> label(Label.STATUS_UNCOLLECTIBLE);
      default -> null;
    };
  }
}
