package io.portico.domain.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.Address;
import io.portico.domain.PaymentMethod;
import io.portico.error.ApiError;
import io.portico.wire.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stripe's test cards and accounts through the built-in provider, without a database. */
class TestPaymentProviderTest {
  private static final Instant NOW = Instant.parse("2026-08-15T12:00:00Z");
  private static final PaymentMethod.BillingDetails JENNY = new PaymentMethod.BillingDetails(
      new Address("Berlin", "DE", "Unter den Linden 1", null, "10117", null), "jenny@example.com", "Jenny Rosen", null, null);
  private final TestPaymentProvider provider = new TestPaymentProvider();

  private PaymentMethod.Details tokenize(String account, String type, Map<String, String> raw) {
    return provider.tokenize(new PaymentProvider.Tokenization(account, false, type, raw, JENNY, NOW));
  }

  private PaymentMethod.Card card(String account, String number) {
    return (PaymentMethod.Card) tokenize(account, "card", Map.of("number", number, "exp_month", "12", "exp_year", "2030", "cvc", "123"));
  }

  private static PaymentMethod saved(PaymentMethod.Details details) {
    return PaymentMethod.of("pm_test", details, "unspecified", JENNY, NOW.getEpochSecond(), "cus_test", false, Map.of());
  }

  private static ApiError refused(int status, String code, Runnable call) {
    ApiError e = assertThrows(ApiError.class, call::run);
    assertEquals(status, e.status(), e.getMessage());
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  @Test
  void aCardKeepsWhatStripeShowsAndNeverItsNumber() {
    PaymentMethod.Card c = card("acct_a", "4242424242424242");
    assertEquals("visa", c.brand());
    assertEquals("visa", c.displayBrand());
    assertEquals("4242", c.last4());
    assertEquals(12, c.expMonth());
    assertEquals(2030, c.expYear());
    assertEquals("credit", c.funding());
    assertEquals("US", c.country());
    assertEquals(List.of("visa"), c.networks().available());
    assertEquals(new PaymentMethod.Card.Checks("unchecked", "unchecked", "unchecked"), c.checks());
    assertTrue(c.threeDSecureUsage().supported());
    assertTrue(c.fingerprint().matches("[A-Za-z0-9]{16}"), c.fingerprint());
    String json = Json.write(saved(c));
    assertFalse(json.contains("4242424242424242") || json.contains("424242424242"), json);
    assertFalse(json.contains("\"123\""), "the CVC is never kept: " + json);
  }

  @Test
  void fingerprintsAreStablePerAccountAndDifferAcrossAccounts() {
    assertEquals(card("acct_a", "4242424242424242").fingerprint(), card("acct_a", "4242 4242 4242 4242").fingerprint());
    assertNotEquals(card("acct_a", "4242424242424242").fingerprint(), card("acct_b", "4242424242424242").fingerprint());
    assertNotEquals(card("acct_a", "4242424242424242").fingerprint(), card("acct_a", "5555555555554444").fingerprint());
    // The same number as a ready-made test card is the same card.
    var fromToken = (PaymentMethod.Card) tokenize("acct_a", "card", Map.of("token", "pm_card_visa"));
    assertEquals(card("acct_a", "4242424242424242").fingerprint(), fromToken.fingerprint());
  }

  @Test
  void brandsOfTheTestCards() {
    assertEquals("mastercard", card("acct_a", "5555555555554444").brand());
    PaymentMethod.Card amex = (PaymentMethod.Card) tokenize("acct_a", "card",
        Map.of("number", "378282246310005", "exp_month", "1", "exp_year", "2031", "cvc", "1234"));
    assertEquals("amex", amex.brand());
    assertEquals("american_express", amex.displayBrand());
    assertEquals("0005", amex.last4());
  }

  @Test
  void realNumbersAreRefusedInTestModeAsStripeDoes() {
    ApiError e = refused(402, "card_declined", () -> card("acct_a", "4111111111111111"));
    assertEquals("test_mode_live_card", e.extra().get("decline_code"));
    refused(402, "incorrect_number", () -> card("acct_a", "4242424242424241"));
  }

  @Test
  void liveModeIsRefused() {
    ApiError e = refused(400, "livemode_mismatch", () -> provider.tokenize(new PaymentProvider.Tokenization("acct_a", true, "card",
        Map.of("number", "4242424242424242", "exp_month", "12", "exp_year", "2030"), JENNY, NOW)));
    assertTrue(e.getMessage().contains("test"), e.getMessage());
  }

  @Test
  void tokenizationNeverPrintsTheRawDetails() {
    var t = new PaymentProvider.Tokenization("acct_a", false, "card", Map.of("number", "4242424242424242"), JENNY, NOW);
    assertFalse(t.toString().contains("4242"), t.toString());
  }

  @Test
  void readyMadeTestCardsExpireAYearAhead() {
    var c = (PaymentMethod.Card) tokenize("acct_a", "card", Map.of("token", "pm_card_mastercard"));
    assertEquals("mastercard", c.brand());
    assertEquals(8, c.expMonth());
    assertEquals(2027, c.expYear());
    assertEquals("visa", ((PaymentMethod.Card) tokenize("acct_a", "card", Map.of("token", "tok_visa"))).brand());
    assertTrue(provider.isTestPaymentMethod("pm_card_amex"));
    assertTrue(provider.isTestPaymentMethod("pm_card_chargeDeclined"));
    assertTrue(provider.isTestPaymentMethod("pm_card_visa_chargeDeclinedInsufficientFunds"));
    assertFalse(provider.isTestPaymentMethod("pm_card_nosuch"));
    assertFalse(provider.isTestPaymentMethod("pm_1234"));
    refused(400, "resource_missing", () -> tokenize("acct_a", "card", Map.of("token", "tok_nosuch")));
  }

  @Test
  void declinedCardsAreRefusedOnVerifyAndOnCharge() {
    Map<String, String> declines = Map.of("4000000000000002", "generic_decline", "4000000000009995", "insufficient_funds",
        "4000000000009987", "lost_card", "4000000000009979", "stolen_card");
    declines.forEach((number, reason) -> {
      PaymentMethod pm = saved(card("acct_a", number));
      var verified = assertInstanceOf(ChargeResult.Declined.class, provider.verify("acct_a", pm), number);
      assertEquals(reason, verified.declineCode());
      var charged = assertInstanceOf(ChargeResult.Declined.class, provider.charge("acct_a", pm, 1000, "usd", "k1"), number);
      assertEquals("card_declined", charged.code());
      assertEquals(reason, charged.declineCode());
      ApiError error = charged.error();
      assertEquals(402, error.status());
      assertEquals(ApiError.CARD, error.type());
      assertEquals(reason, error.extra().get("decline_code"));
    });
  }

  @Test
  void expiredAndIncorrectCvcCardsNameTheirField() {
    var expired = assertInstanceOf(ChargeResult.Declined.class,
        provider.charge("acct_a", saved(card("acct_a", "4000000000000069")), 500, "eur", "k"));
    assertEquals("expired_card", expired.code());
    assertEquals("exp_month", expired.error().param());
    var cvc = assertInstanceOf(ChargeResult.Declined.class, provider.charge("acct_a", saved(card("acct_a", "4000000000000127")), 500, "eur", "k"));
    assertEquals("incorrect_cvc", cvc.code());
    assertEquals("cvc", cvc.error().param());
    var processing = assertInstanceOf(ChargeResult.Failed.class,
        provider.charge("acct_a", saved(card("acct_a", "4000000000000119")), 500, "eur", "k"));
    assertEquals("processing_error", processing.error().code());
  }

  @Test
  void theChargeCustomerFailCardAttachesButNeverPays() {
    PaymentMethod pm = saved(card("acct_a", "4000000000000341"));
    assertTrue(provider.verify("acct_a", pm).succeeded());
    var charged = assertInstanceOf(ChargeResult.Declined.class, provider.charge("acct_a", pm, 2000, "usd", "k"));
    assertEquals("card_declined", charged.code());
    PaymentMethod fromTestId = saved(tokenize("acct_a", "card", Map.of("token", "pm_card_chargeCustomerFail")));
    assertTrue(provider.verify("acct_a", fromTestId).succeeded());
    assertFalse(provider.charge("acct_a", fromTestId, 2000, "usd", "k").succeeded());
  }

  @Test
  void goodCardsPayAndARetriedKeyGetsTheSameCharge() {
    PaymentMethod pm = saved(card("acct_a", "4242424242424242"));
    var first = assertInstanceOf(ChargeResult.Succeeded.class, provider.charge("acct_a", pm, 1999, "usd", "order-1"));
    assertTrue(first.reference().startsWith("ch_"), first.reference());
    assertEquals(first, provider.charge("acct_a", pm, 1999, "usd", "order-1"));
    assertNotEquals(first, provider.charge("acct_a", pm, 1999, "usd", "order-2"));
    assertTrue(provider.verify("acct_a", pm).succeeded());
  }

  @Test
  void chargesCheckAmountAndCurrency() {
    PaymentMethod card = saved(card("acct_a", "4242424242424242"));
    refused(400, "parameter_invalid", () -> provider.charge("acct_a", card, 0, "usd", "k"));
    refused(400, "parameter_invalid", () -> provider.charge("acct_a", card, 1005, "kwd", "k"));
    PaymentMethod sepa = saved(tokenize("acct_a", "sepa_debit", Map.of("iban", "DE89370400440532013000")));
    ApiError e = refused(400, "parameter_invalid", () -> provider.charge("acct_a", sepa, 1000, "usd", "k"));
    assertEquals("currency", e.param());
    assertTrue(provider.charge("acct_a", sepa, 1000, "eur", "k").succeeded());
  }

  @Test
  void sepaDebitKeepsBankCodesAndLast4() {
    var de = (PaymentMethod.SepaDebit) tokenize("acct_a", "sepa_debit", Map.of("iban", "DE89370400440532013000"));
    assertEquals(new PaymentMethod.SepaDebit("37040044", "", "DE", de.fingerprint(), null, "3000"), de);
    var fr = (PaymentMethod.SepaDebit) tokenize("acct_a", "sepa_debit", Map.of("iban", "FR1420041010050500013M02606"));
    assertEquals("20041", fr.bankCode());
    assertEquals("01005", fr.branchCode());
    var failing = saved(tokenize("acct_a", "sepa_debit", Map.of("iban", "DE62370400440532013001")));
    var failed = assertInstanceOf(ChargeResult.Failed.class, provider.charge("acct_a", failing, 1000, "eur", "k"));
    assertEquals("insufficient_funds", failed.code());
  }

  @Test
  void usBankAccountsTestAccounts() {
    var ok = (PaymentMethod.UsBankAccount) tokenize("acct_a", "us_bank_account",
        Map.of("routing_number", "110000000", "account_number", "000123456789", "account_holder_type", "individual"));
    assertEquals("STRIPE TEST BANK", ok.bankName());
    assertEquals("6789", ok.last4());
    assertEquals("checking", ok.accountType());
    assertEquals("individual", ok.accountHolderType());
    assertTrue(provider.charge("acct_a", saved(ok), 1000, "usd", "k").succeeded());
    var closed = saved(tokenize("acct_a", "us_bank_account", Map.of("routing_number", "110000000", "account_number", "000111111113")));
    assertEquals("account_closed", assertInstanceOf(ChargeResult.Failed.class, provider.charge("acct_a", closed, 1000, "usd", "k")).code());
    refused(400, "routing_number_invalid", () -> tokenize("acct_a", "us_bank_account",
        Map.of("routing_number", "110000001", "account_number", "000123456789")));
  }

  @Test
  void otherDebitsAndWallets() {
    var bacs = (PaymentMethod.BacsDebit) tokenize("acct_a", "bacs_debit", Map.of("sort_code", "10-88-00", "account_number", "00012345"));
    assertEquals("108800", bacs.sortCode());
    assertEquals("2345", bacs.last4());
    var bacsFailing = saved(tokenize("acct_a", "bacs_debit", Map.of("sort_code", "108800", "account_number", "90012345")));
    assertNotEquals(bacs.fingerprint(), bacsFailing.bacsDebit().fingerprint(), "same last4, different accounts");
    assertFalse(provider.charge("acct_a", bacsFailing, 1000, "gbp", "k").succeeded());
    assertTrue(provider.charge("acct_a", saved(bacs), 1000, "gbp", "k").succeeded());

    var becs = (PaymentMethod.AuBecsDebit) tokenize("acct_a", "au_becs_debit", Map.of("bsb_number", "000000", "account_number", "000123456"));
    assertEquals("000000", becs.bsbNumber());
    var acss = (PaymentMethod.AcssDebit) tokenize("acct_a", "acss_debit",
        Map.of("institution_number", "000", "transit_number", "11000", "account_number", "000123456789"));
    assertEquals("STRIPE TEST BANK", acss.bankName());
    assertEquals("6789", acss.last4());

    assertEquals(new PaymentMethod.Link("jenny@example.com"), tokenize("acct_a", "link", Map.of()));
    var paypal = (PaymentMethod.Paypal) tokenize("acct_a", "paypal", Map.of());
    assertEquals("jenny@example.com", paypal.payerEmail());
    assertTrue(paypal.payerId().matches("[A-Z0-9]{13}"), paypal.payerId());
    assertEquals(paypal, tokenize("acct_a", "paypal", Map.of()), "the same payer keeps the same id");
    assertNull(paypal.fingerprint());
  }
}
