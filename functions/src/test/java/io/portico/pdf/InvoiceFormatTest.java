package io.portico.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.domain.billing.Currencies;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvoiceFormatTest {
  private static final InvoiceFormat EN = InvoiceFormat.forLocale("en");

  @Test
  void moneyFollowsTheCurrencysExponent() {
    assertEquals("1,234.56 USD", EN.money(123456, "usd"));
    assertEquals("1,235 JPY", EN.money(1235, "jpy"));
    assertEquals("1.005 KWD", EN.money(1005, "kwd"));
    assertEquals("-12.50 EUR", EN.money(-1250, "EUR"));
    assertEquals("0.00 USD", EN.money(0, "usd"));
  }

  @Test
  void englishMoneyIsCurrenciesFormat() {
    for (String currency : new String[] {"usd", "jpy", "kwd", "bhd", "krw", "eur"}) {
      for (long minor : new long[] {0, 1, -1, 999, 100_000, -123_456_789, Long.MAX_VALUE}) {
        assertEquals(Currencies.format(minor, currency), EN.money(minor, currency), minor + " " + currency);
      }
    }
  }

  @Test
  void fractionalMinorUnitsKeepTheirDecimals() {
    assertEquals("0.005 USD", EN.money(new BigDecimal("0.5"), "usd"));
    assertEquals("0.0125 KWD", EN.money(new BigDecimal("12.5"), "kwd"));
    assertEquals("12.00 USD", EN.money(new BigDecimal("1200.000"), "usd"));
    assertEquals("0.5 JPY", EN.money(new BigDecimal("0.5"), "jpy"));
  }

  @Test
  void datesArePrintedInUtc() {
    long lateNightUtc = Instant.parse("2026-11-30T23:59:59Z").getEpochSecond();
    assertEquals("Nov 30, 2026", EN.date(lateNightUtc));
    assertEquals("Nov 1, 2026 – Dec 1, 2026",
        EN.period(Instant.parse("2026-11-01T00:00:00Z").getEpochSecond(), Instant.parse("2026-12-01T00:00:00Z").getEpochSecond()));
    assertEquals("Germany", EN.country("DE"));
    assertEquals("Page 2 of 3", EN.pageOf(2, 3));
  }
}
