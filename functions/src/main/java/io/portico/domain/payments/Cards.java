package io.portico.domain.payments;

import io.portico.error.ApiError;
import java.time.YearMonth;
import java.util.List;

/**
 * What can be told about a card without asking its issuer: the brand from the number's first
 * digits, the Luhn check digit, a plausible expiry, a well-formed CVC. Failures are Stripe's
 * card_errors; their messages never repeat the number.
 */
public final class Cards {
  /** Stripe's {@code brand}, {@code display_brand} and the networks that carry it. */
  public record Brand(String brand, String displayBrand, List<String> networks, int cvcLength) {}

  public static final Brand VISA = new Brand("visa", "visa", List.of("visa"), 3);
  public static final Brand MASTERCARD = new Brand("mastercard", "mastercard", List.of("mastercard"), 3);
  public static final Brand AMEX = new Brand("amex", "american_express", List.of("amex"), 4);
  public static final Brand DISCOVER = new Brand("discover", "discover", List.of("discover"), 3);
  public static final Brand DINERS = new Brand("diners", "diners_club", List.of("diners"), 3);
  public static final Brand JCB = new Brand("jcb", "jcb", List.of("jcb"), 3);
  public static final Brand UNIONPAY = new Brand("unionpay", "union_pay", List.of("unionpay"), 3);
  public static final Brand UNKNOWN = new Brand("unknown", "unknown", List.of(), 3);

  private Cards() {}

  /** The digits of a card number ({@code "4242 4242 4242 4242"} is accepted, as payment forms send it). */
  public static String number(String raw, String param) {
    String digits = raw.replace(" ", "");
    if (!digits.matches("\\d{12,19}")) throw ApiError.card("invalid_number", param, "Your card number is not a valid credit card number.");
    if (!luhn(digits)) throw ApiError.card("incorrect_number", param, "Your card number is incorrect.");
    return digits;
  }

  /** The Luhn (mod 10) check every card number carries in its last digit. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** The brand by issuer identification number ranges; discover's 6011/644–649/65 before unionpay's 62. */
  public static Brand brand(String digits) {
    int two = Integer.parseInt(digits.substring(0, 2));
    int three = Integer.parseInt(digits.substring(0, 3));
    int four = Integer.parseInt(digits.substring(0, 4));
    if (digits.startsWith("4")) return VISA;
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return MASTERCARD;
    if (two == 34 || two == 37) return AMEX;
    if (four == 6011 || (three >= 644 && three <= 649) || two == 65) return DISCOVER;
    if (two == 62) return UNIONPAY;
    if (four >= 3528 && four <= 3589) return JCB;
    if (two == 36 || two == 38 || two == 39 || (three >= 300 && three <= 305)) return DINERS;
    return UNKNOWN;
  }

  /**
   * Checks an expiry against the current month and returns the four-digit year (Stripe takes two
   * or four digits). A card is valid through the last day of its expiry month, and at most 50
   * years ahead.
   */
  public static long expiryYear(long month, long year, YearMonth now, String monthParam, String yearParam) {
    if (month < 1 || month > 12) throw ApiError.card("invalid_expiry_month", monthParam, "Your card's expiration month is invalid.");
    long fullYear = year >= 0 && year < 100 ? 2000 + year : year;
    if (fullYear < now.getYear() || fullYear > now.getYear() + 50) {
      throw ApiError.card("invalid_expiry_year", yearParam, "Your card's expiration year is invalid.");
    }
    if (fullYear == now.getYear() && month < now.getMonthValue()) {
      throw ApiError.card("invalid_expiry_month", monthParam, "Your card's expiration month is invalid.");
    }
    return fullYear;
  }

  /** A CVC of the brand's length (4 digits for American Express, 3 otherwise); null: none given. */
  public static void cvc(String cvc, Brand brand, String param) {
    if (cvc != null && !cvc.matches("\\d{" + brand.cvcLength() + "}")) {
      throw ApiError.card("invalid_cvc", param, "Your card's security code is invalid.");
    }
  }
}
