package io.portico.domain.billing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's currencies: which codes it accepts and how many decimals each minor unit has.
 * Codes are lower-case on Stripe's wire; lookups here accept any case.
 */
public final class Currencies {
  /** Amount 1 means one whole unit (¥1, not ¥0.01). Stripe's list. */
  private static final Set<String> ZERO_DECIMAL = Set.of(
      "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");
  /** Amount 1000 means one whole unit (1.000 KWD). */
  private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");
  /** Stripe's presentment currencies (ISO 4217), including the two lists above. */
  private static final Set<String> SUPPORTED = Set.of(
      "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt", "bgn", "bhd", "bif",
      "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf", "clp", "cny", "cop", "crc", "cve",
      "czk", "djf", "dkk", "dop", "dzd", "egp", "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq",
      "gyd", "hkd", "hnl", "htg", "huf", "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf",
      "krw", "kwd", "kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop",
      "mur", "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk",
      "php", "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle",
      "sos", "srd", "szl", "thb", "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "usd", "uyu", "uzs",
      "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw");

  private Currencies() {}

  /** The lower-case code Stripe uses on the wire. */
  public static String normalize(String currency) {
    return Objects.requireNonNull(currency, "currency").toLowerCase(Locale.ROOT);
  }

  public static boolean isSupported(String currency) {
    return currency != null && SUPPORTED.contains(normalize(currency));
  }

  /** Decimal places of the minor unit: 0 (zero-decimal), 3 (three-decimal) or 2 (every other currency). */
  public static int exponent(String currency) {
    String c = normalize(currency);
    if (ZERO_DECIMAL.contains(c)) return 0;
    if (THREE_DECIMAL.contains(c)) return 3;
    return 2;
  }

  public static boolean isZeroDecimal(String currency) {
    return exponent(currency) == 0;
  }

  public static boolean isThreeDecimal(String currency) {
    return exponent(currency) == 3;
  }

  /**
   * Whether a payment can collect {@code amount}. Three-decimal currencies are charged at a
   * precision of 0.010: Stripe rejects charge amounts whose last digit is not 0. Invoice line
   * items and totals may carry the third decimal; only the charge must be a multiple of 10.
   */
  public static boolean isChargeable(long amount, String currency) {
    return chargeAmountProblem(amount, currency).isEmpty();
  }

  /** Why {@code amount} cannot be charged, or empty when it can. */
  public static Optional<String> chargeAmountProblem(long amount, String currency) {
    if (isThreeDecimal(currency) && amount % 10 != 0) {
      return Optional.of("Charges in " + normalize(currency) + " must be a multiple of 10 (the last of its three decimals "
          + "must be 0); got " + amount + ".");
    }
    return Optional.empty();
  }

  /** Plain display, no symbol: 123456 eur -> "1,234.56 EUR", 1235 jpy -> "1,235 JPY", 1005 kwd -> "1.005 KWD". */
  public static String format(long minor, String currency) {
    int exponent = exponent(currency);
    // %f on a BigDecimal of exactly `exponent` decimals prints it exactly: no rounding happens here.
    return String.format(Locale.ROOT, "%,." + exponent + "f", BigDecimal.valueOf(minor, exponent))
        + " " + normalize(currency).toUpperCase(Locale.ROOT);
  }
}
