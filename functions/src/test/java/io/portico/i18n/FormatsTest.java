package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the JDK's CLDR data prints. The exact strings asserted here are the same on JDK 17 (CLDR 39)
 * and JDK 25 (CLDR 47); other locales are checked for their shape only, as their details (a
 * grouping space in Bulgarian, EUR or € in Croatian) differ between those JDKs.
 */
class FormatsTest {
  private static final char NBSP = '\u00a0';
  private static final char NNBSP = '\u202f';
  private static final Instant NOV_21_2026 = Instant.parse("2026-11-21T12:00:00Z");

  private static Locale l(String tag) {
    return Formats.locale(tag);
  }

  @Test
  void moneyInTheIssuesExamples() {
    assertEquals("1.234,56" + NBSP + "€", Formats.money(123456, "eur", l("de")));
    assertEquals("€1,234.56", Formats.money(123456, "eur", l("en")));
    // CLDR's Japanese yen sign is the full-width ￥ (U+FFE5); the portal prints the ordinary ¥ as the issue's example does.
    assertEquals("¥1,235", Formats.money(1235, "jpy", l("ja")));
    assertEquals("¥1,235", Formats.money(1235, "jpy", l("en")));
    // French groups thousands with a narrow no-break space and puts a no-break space before the symbol.
    assertEquals("1" + NNBSP + "234,56" + NBSP + "€", Formats.money(123456, "eur", l("fr")));
  }

  @Test
  void theCurrencysExponentPlacesTheDecimals() {
    assertEquals("$12.34", Formats.money(1234, "usd", l("en")));
    assertEquals("$12.34", Formats.money(1234, "USD", l("en")));
    assertEquals("¥1,234", Formats.money(1234, "jpy", l("en")));
    assertEquals("KWD1.234", Formats.money(1234, "kwd", l("en")));
    assertEquals("KWD0.005", Formats.money(5, "kwd", l("en")));
    assertEquals("$0.00", Formats.money(0, "usd", l("en")));
    assertEquals("-$12.34", Formats.money(-1234, "usd", l("en")));
    assertEquals("US$12.34", Formats.money(1234, "usd", l("en-GB")));
    assertEquals("€92,233,720,368,547,758.07", Formats.money(Long.MAX_VALUE, "eur", l("en"))); // exact, never rounded
  }

  @Test
  void everyLocaleShowsTheCurrencyAndItsDecimals() {
    for (String tag : LocaleNegotiation.SUPPORTED) {
      String eur = Formats.money(123456, "eur", l(tag));
      assertTrue(eur.contains("€") || eur.contains("EUR"), tag + ": " + eur);
      assertTrue(eur.matches(".*1.?234.56.*"), tag + ": " + eur);
      String jpy = Formats.money(1235, "jpy", l(tag));
      assertTrue(jpy.matches(".*1.?235\\D*"), tag + ": " + jpy); // no decimals
      String kwd = Formats.money(1234567, "kwd", l(tag));
      assertTrue(kwd.matches(".*1.?234.567.*"), tag + ": " + kwd);
    }
  }

  @Test
  void aCurrencyTheJdkDoesNotKnowPrintsItsCode() {
    assertEquals("12.34" + NBSP + "XYZ", Formats.money(1234, "xyz", l("en")));
  }

  @Test
  void datesInLongAndShortForms() {
    assertEquals("November 21, 2026", Formats.dateLong(NOV_21_2026, l("en")));
    assertEquals("21 November 2026", Formats.dateLong(NOV_21_2026, l("en-GB")));
    assertEquals("21. November 2026", Formats.dateLong(NOV_21_2026, l("de")));
    assertEquals("21 novembre 2026", Formats.dateLong(NOV_21_2026, l("fr")));
    assertEquals("2026年11月21日", Formats.dateLong(NOV_21_2026, l("ja")));
    assertEquals("11/21/26", Formats.dateShort(NOV_21_2026, l("en")));
    assertEquals("21/11/2026", Formats.dateShort(NOV_21_2026, l("en-GB")));
    assertEquals("21.11.26", Formats.dateShort(NOV_21_2026, l("de")));
    assertEquals("2026/11/21", Formats.dateShort(NOV_21_2026, l("ja")));
    assertEquals("Nov 21, 2026", Formats.dateMedium(NOV_21_2026, l("en")));
    for (String tag : LocaleNegotiation.SUPPORTED) {
      assertTrue(Formats.dateLong(NOV_21_2026, l(tag)).contains("2026"), tag);
      assertTrue(Formats.dateShort(NOV_21_2026, l(tag)).contains("21"), tag);
    }
  }

  @Test
  void datesAreInUtcUnlessAZoneIsGiven() {
    Instant lateEvening = Instant.parse("2026-11-21T23:30:00Z");
    assertEquals("November 21, 2026", Formats.dateLong(lateEvening, l("en")));
    assertEquals("November 22, 2026", Formats.date(lateEvening, FormatStyle.LONG, l("en"), ZoneId.of("Europe/Berlin")));
  }

  @Test
  void numbersAndPercentages() {
    assertEquals("1,234", Formats.number(1234, l("en")));
    assertEquals("1.234", Formats.number(1234, l("de")));
    assertEquals("12,5", Formats.number(new BigDecimal("12.50"), l("de")));
    assertEquals("25%", Formats.percent(new BigDecimal("25"), l("en")));
    assertEquals("25" + NBSP + "%", Formats.percent(new BigDecimal("25"), l("de")));
    assertEquals("%25", Formats.percent(new BigDecimal("25"), l("tr")));
    assertEquals("12.5%", Formats.percent(new BigDecimal("12.5"), l("en")));
  }

  @Test
  void countriesAndLanguagesByName() {
    assertEquals("Deutschland", Formats.country("DE", l("de")));
    assertEquals("Germany", Formats.country("de", l("en")));
    assertEquals("ドイツ", Formats.country("DE", l("ja")));
    assertEquals("XX1", Formats.country("XX1", l("en")));
    assertEquals("Deutsch", Formats.languageName("de"));
    assertEquals("日本語", Formats.languageName("ja"));
    for (String tag : LocaleNegotiation.SUPPORTED) {
      assertTrue(!Formats.languageName(tag).isBlank() && !Formats.languageName(tag).equals(tag), tag);
    }
  }
}
