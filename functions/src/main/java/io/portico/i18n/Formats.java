package io.portico.i18n;

import io.portico.domain.billing.Currencies;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money, numbers, dates and names for a locale, from the JDK's own CLDR data (no extra library):
 * what the JDK prints is what the customer sees. Examples, identical on JDK 17 and 25:
 * <ul>
 *   <li>{@code money(123456, "eur", de)} → {@code 1.234,56 €} (U+00A0 no-break space before €);</li>
 *   <li>{@code money(123456, "eur", en)} → {@code €1,234.56};</li>
 *   <li>{@code money(123456, "eur", fr)} → {@code 1 234,56 €} (U+202F narrow no-break space between
 *       the thousands, U+00A0 before €);</li>
 *   <li>{@code money(1235, "jpy", ja)} → {@code ¥1,235}: CLDR's Japanese yen sign is the full-width
 *       U+FFE5, which the portal prints as the ordinary ¥ (U+00A5), as the product's examples and
 *       Stripe's pages do, so an amount reads the same beside Latin digits; {@code money(1235, "jpy", en)}
 *       → {@code ¥1,235}.</li>
 * </ul>
 * Other locales' details move with the JDK's CLDR version (JDK 17 prints Croatian euros as
 * {@code EUR}, JDK 21+ as {@code €}); the deployed runtime's JDK decides.
 *
 * <p>Amounts are {@code long} minor units with the currency's exponent (JPY 0, USD 2, KWD 3, from
 * {@link Currencies}), shown exactly, never rounded. Dates are shown in UTC,
 * the zone all billing arithmetic uses, unless a zone is given.
 */
public final class Formats {
  private static final Map<Locale, NumberFormat> CURRENCY = new ConcurrentHashMap<>();
  private static final Map<Locale, NumberFormat> INTEGER = new ConcurrentHashMap<>();
  private static final Map<Locale, NumberFormat> PERCENT = new ConcurrentHashMap<>();
  private static final Map<String, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

  private Formats() {}

  /** The Java locale of a portal locale tag ("pt-BR" → pt_BR). */
  public static Locale locale(String tag) {
    return Locale.forLanguageTag(tag);
  }

  /**
   * An amount of money: {@code minor} units of {@code currency} (any case, "eur" or "EUR"), with the
   * locale's symbol, separators and sign. A currency the JDK does not know prints as its code.
   */
  public static String money(long minor, String currency, Locale locale) {
    int exponent = Currencies.exponent(currency);
    BigDecimal amount = BigDecimal.valueOf(minor, exponent);
    String code = currency.toUpperCase(Locale.ROOT);
    Currency c;
    try {
      c = Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      NumberFormat n = number(locale, exponent);
      return n.format(amount) + "\u00a0" + code;
    }
    NumberFormat f = (NumberFormat) CURRENCY.computeIfAbsent(locale, NumberFormat::getCurrencyInstance).clone();
    f.setCurrency(c);
    f.setMinimumFractionDigits(exponent);
    f.setMaximumFractionDigits(exponent);
    return f.format(amount).replace('\uFFE5', '\u00A5');
  }

  /** A whole number with the locale's grouping: 1234 → "1,234" (en), "1.234" (de), "1 234" (fr). */
  public static String number(long n, Locale locale) {
    return ((NumberFormat) INTEGER.computeIfAbsent(locale, NumberFormat::getIntegerInstance).clone()).format(n);
  }

  /** A decimal number, shown with all its decimals: 12.5 → "12,5" (de). */
  public static String number(BigDecimal n, Locale locale) {
    return number(locale, Math.max(0, n.stripTrailingZeros().scale())).format(n);
  }

  /** A percentage given in percent (a coupon's {@code percent_off}): 25 → "25%" (en), "25 %" (de), "%25" (tr). */
  public static String percent(BigDecimal percent, Locale locale) {
    NumberFormat f = (NumberFormat) PERCENT.computeIfAbsent(locale, NumberFormat::getPercentInstance).clone();
    BigDecimal fraction = percent.movePointLeft(2);
    f.setMaximumFractionDigits(Math.max(0, percent.stripTrailingZeros().scale()));
    return f.format(fraction);
  }

  /** A day in the locale's long form: "November 21, 2026" (en), "21. November 2026" (de), "2026年11月21日" (ja). */
  public static String dateLong(Instant instant, Locale locale) {
    return date(instant, FormatStyle.LONG, locale, ZoneOffset.UTC);
  }

  /** A day in the locale's short numeric form: "11/21/26" (en), "21.11.26" (de), "21/11/2026" (en-GB). */
  public static String dateShort(Instant instant, Locale locale) {
    return date(instant, FormatStyle.SHORT, locale, ZoneOffset.UTC);
  }

  /** A day in the locale's medium form, with an abbreviated month where it has one: "Nov 21, 2026" (en). */
  public static String dateMedium(Instant instant, Locale locale) {
    return date(instant, FormatStyle.MEDIUM, locale, ZoneOffset.UTC);
  }

  /** A day in {@code style} for {@code zone}; FULL adds the weekday. Stripe's timestamps are Unix seconds: use Instant.ofEpochSecond. */
  public static String date(Instant instant, FormatStyle style, Locale locale, ZoneId zone) {
    DateTimeFormatter f = DATES.computeIfAbsent(locale.toLanguageTag() + "|" + style,
        k -> DateTimeFormatter.ofLocalizedDate(style).withLocale(locale));
    return f.withZone(zone).format(instant);
  }

  /** A country's name in the locale ("DE" → "Deutschland" in de); the code when the JDK has no name. */
  public static String country(String isoCode, Locale locale) {
    String name;
    try {
      name = new Locale.Builder().setRegion(isoCode.toUpperCase(Locale.ROOT)).build().getDisplayCountry(locale);
    } catch (IllformedLocaleException notARegion) {
      return isoCode;
    }
    return name.isBlank() ? isoCode : name;
  }

  /** A portal locale's name in its own language, for a language menu: "Deutsch", "日本語", "português (Brasil)". */
  public static String languageName(String tag) {
    Locale l = locale(tag);
    return l.getDisplayName(l);
  }

  private static NumberFormat number(Locale locale, int decimals) {
    NumberFormat n = NumberFormat.getNumberInstance(locale);
    n.setMinimumFractionDigits(decimals);
    n.setMaximumFractionDigits(decimals);
    return n;
  }
}
