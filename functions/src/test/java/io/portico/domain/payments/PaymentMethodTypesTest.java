package io.portico.domain.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's table of payment method types: currencies, business locations, restrictions. */
class PaymentMethodTypesTest {

  @Test
  void everyRowOfTheSeedIsThere() {
    assertEquals(List.of("acss_debit", "amazon_pay", "au_becs_debit", "bacs_debit", "boleto", "card", "cashapp", "link", "nz_bank_account",
        "paypal", "sepa_debit", "us_bank_account"), PaymentMethodTypes.KNOWN);
    assertTrue(PaymentMethodTypes.KNOWN.containsAll(PaymentMethodTypes.MODELLED), "every modelled type has a rule");
  }

  @Test
  void singleCurrencySingleCountryTypes() {
    assertTrue(PaymentMethodTypes.canPay("us_bank_account", "usd", "US"));
    assertFalse(PaymentMethodTypes.canPay("us_bank_account", "eur", "US"));
    assertFalse(PaymentMethodTypes.canPay("us_bank_account", "usd", "CA"));
    assertTrue(PaymentMethodTypes.canPay("au_becs_debit", "aud", "AU"));
    assertFalse(PaymentMethodTypes.canPay("au_becs_debit", "nzd", "AU"));
    assertTrue(PaymentMethodTypes.canPay("nz_bank_account", "nzd", "NZ"));
    assertTrue(PaymentMethodTypes.canPay("boleto", "brl", "BR"));
    assertFalse(PaymentMethodTypes.canPay("boleto", "brl", "PT"));
    assertTrue(PaymentMethodTypes.canPay("cashapp", "usd", "US"));
    assertTrue(PaymentMethodTypes.canPay("amazon_pay", "usd", "US"));
    assertTrue(PaymentMethodTypes.canPay("bacs_debit", "gbp", "GB"));
    assertFalse(PaymentMethodTypes.canPay("bacs_debit", "gbp", "IE"));
    assertFalse(PaymentMethodTypes.canPay("bacs_debit", "eur", "GB"));
  }

  @Test
  void acssTakesTwoCurrenciesInTwoCountries() {
    for (String currency : List.of("cad", "usd")) {
      for (String country : List.of("CA", "US")) assertTrue(PaymentMethodTypes.canPay("acss_debit", currency, country), currency + " " + country);
    }
    assertFalse(PaymentMethodTypes.canPay("acss_debit", "eur", "CA"));
    assertFalse(PaymentMethodTypes.canPay("acss_debit", "cad", "GB"));
  }

  @Test
  void sepaIsEuroOnlyForBusinessesInEuropeAndEightMoreCountries() {
    for (String country : List.of("DE", "FR", "AT", "NL", "CH", "GB", "NO", "AU", "CA", "HK", "JP", "MX", "NZ", "SG", "US")) {
      assertTrue(PaymentMethodTypes.canPay("sepa_debit", "eur", country), country);
    }
    assertFalse(PaymentMethodTypes.canPay("sepa_debit", "eur", "BR"));
    assertFalse(PaymentMethodTypes.canPay("sepa_debit", "eur", "IN"));
    assertFalse(PaymentMethodTypes.canPay("sepa_debit", "usd", "DE"));
  }

  @Test
  void paypalTakesMostCurrenciesInEuropeOnly() {
    assertTrue(PaymentMethodTypes.canPay("paypal", "eur", "DE"));
    assertTrue(PaymentMethodTypes.canPay("paypal", "usd", "FR"));
    assertTrue(PaymentMethodTypes.canPay("paypal", "gbp", "GB"));
    assertFalse(PaymentMethodTypes.canPay("paypal", "usd", "US"));
    assertTrue(PaymentMethodTypes.rule("paypal").orElseThrow().restriction().contains("approval"));
  }

  @Test
  void cardsAndLinkTakeAnySupportedCurrencyAnywhere() {
    for (String type : List.of("card", "link")) {
      assertTrue(PaymentMethodTypes.canPay(type, "usd", "US"));
      assertTrue(PaymentMethodTypes.canPay(type, "JPY", "jp"), "case does not matter");
      assertTrue(PaymentMethodTypes.canPay(type, "kwd", "KW"));
      assertFalse(PaymentMethodTypes.canPay(type, "xyz", "US"), "not a currency Stripe supports");
    }
  }

  @Test
  void refusalsSayWhy() {
    assertEquals("sepa_debit cannot pay in usd; it takes eur.", PaymentMethodTypes.refusal("sepa_debit", "usd", "DE").orElseThrow());
    assertEquals("acss_debit is not available to a business in DE; it is available in CA, US.",
        PaymentMethodTypes.refusal("acss_debit", "cad", "DE").orElseThrow());
    assertEquals("Unknown payment method type: ideal.", PaymentMethodTypes.refusal("ideal", "eur", "NL").orElseThrow());
    assertTrue(PaymentMethodTypes.refusal("card", "eur", "NL").isEmpty());
    assertTrue(PaymentMethodTypes.canPay("card", "usd", null), "cards need no business country");
    assertFalse(PaymentMethodTypes.canPay("us_bank_account", "usd", null), "a type limited to some countries needs one");
  }

  @Test
  void currencyAloneForCharges() {
    assertTrue(PaymentMethodTypes.acceptsCurrency("sepa_debit", "EUR"));
    assertFalse(PaymentMethodTypes.acceptsCurrency("sepa_debit", "gbp"));
    assertTrue(PaymentMethodTypes.acceptsCurrency("paypal", "gbp"));
    assertFalse(PaymentMethodTypes.acceptsCurrency("ideal", "eur"));
  }
}
