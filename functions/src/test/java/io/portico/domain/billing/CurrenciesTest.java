package io.portico.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurrenciesTest {

  @Test
  void exponentsFollowStripesLists() {
    assertEquals(0, Currencies.exponent("jpy"));
    assertEquals(0, Currencies.exponent("JPY")); // case does not matter on the way in
    assertEquals(0, Currencies.exponent("ugx"));
    assertEquals(3, Currencies.exponent("kwd"));
    assertEquals(3, Currencies.exponent("tnd"));
    assertEquals(2, Currencies.exponent("usd"));
    assertEquals(2, Currencies.exponent("eur"));
    assertTrue(Currencies.isZeroDecimal("krw"));
    assertTrue(Currencies.isThreeDecimal("bhd"));
  }

  @Test
  void supportedCurrencies() {
    assertTrue(Currencies.isSupported("usd"));
    assertTrue(Currencies.isSupported("eur"));
    assertTrue(Currencies.isSupported("jpy"));
    assertTrue(Currencies.isSupported("kwd"));
    assertTrue(Currencies.isSupported("USD"));
    assertFalse(Currencies.isSupported("xyz"));
    assertFalse(Currencies.isSupported(""));
    assertFalse(Currencies.isSupported(null));
    assertEquals("usd", Currencies.normalize("USD"));
  }

  @Test
  void threeDecimalChargesMustEndInZero() {
    // 4.520 KWD can be charged; 4.525 KWD cannot (Stripe charges three-decimal currencies to 0.010).
    assertTrue(Currencies.isChargeable(4520, "kwd"));
    assertFalse(Currencies.isChargeable(4525, "kwd"));
    assertTrue(Currencies.chargeAmountProblem(4525, "kwd").orElseThrow().contains("multiple of 10"));
    // The rule is only for three-decimal currencies.
    assertTrue(Currencies.isChargeable(4525, "usd"));
    assertTrue(Currencies.isChargeable(1, "jpy"));
  }

  @Test
  void formatsForPlainDisplay() {
    assertEquals("1,234.56 EUR", Currencies.format(123456, "eur"));
    assertEquals("1,235 JPY", Currencies.format(1235, "jpy"));
    assertEquals("1.005 KWD", Currencies.format(1005, "kwd"));
    assertEquals("1,234.567 KWD", Currencies.format(1234567, "kwd"));
    assertEquals("-5.00 USD", Currencies.format(-500, "usd"));
    assertEquals("0.07 USD", Currencies.format(7, "usd"));
  }
}
