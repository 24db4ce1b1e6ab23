package io.portico.domain.payments;

import io.portico.domain.Address;
import io.portico.domain.PaymentMethod;
import io.portico.domain.billing.Currencies;
import io.portico.error.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The built-in provider: Stripe's test cards and test bank accounts behave as in Stripe's test
 * mode, no money moves, nothing is remembered. In test mode Stripe refuses real card numbers, and
 * so does this provider: only published test numbers ever reach it.
 *
 * <p>Fingerprints are HMAC-SHA256 of the number under a key per merchant account, so the same card
 * gives the same fingerprint within an account and different ones across accounts. Because every
 * number this provider accepts is public, its key derivation need not be secret; a provider that
 * takes real numbers must key its fingerprints with a secret kept outside the database.
 *
 * <p>Charges find the test card or account by its fingerprint, so what a payment method does
 * depends on the number it was made from, as in Stripe.
 */
public final class TestPaymentProvider implements PaymentProvider {
  private static final byte[] FINGERPRINT_ROOT = "portico test provider fingerprints".getBytes(StandardCharsets.UTF_8);
  private static final char[] ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  static final ChargeResult.Declined GENERIC_DECLINE = new ChargeResult.Declined("card_declined", "generic_decline", "Your card was declined.", null);
  static final ChargeResult.Declined INSUFFICIENT_FUNDS =
      new ChargeResult.Declined("card_declined", "insufficient_funds", "Your card has insufficient funds.", null);
  static final ChargeResult.Declined LOST_CARD = new ChargeResult.Declined("card_declined", "lost_card", "Your card was declined.", null);
  static final ChargeResult.Declined STOLEN_CARD = new ChargeResult.Declined("card_declined", "stolen_card", "Your card was declined.", null);
  static final ChargeResult.Declined EXPIRED_CARD = new ChargeResult.Declined("expired_card", "expired_card", "Your card has expired.", "exp_month");
  static final ChargeResult.Declined INCORRECT_CVC =
      new ChargeResult.Declined("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.", "cvc");
  static final ChargeResult.Failed PROCESSING_ERROR =
      new ChargeResult.Failed("processing_error", "An error occurred while processing your card. Try again in a little bit.");
  static final ChargeResult.Failed DEBIT_INSUFFICIENT_FUNDS =
      new ChargeResult.Failed("insufficient_funds", "The customer's account has insufficient funds to cover this payment.");
  static final ChargeResult.Failed ACCOUNT_CLOSED = new ChargeResult.Failed("account_closed", "The customer's bank account has been closed.");

  /**
   * A Stripe test card: what Stripe reports about it, what its issuer answers when it is saved to a
   * customer ({@code onVerify}) and when it is charged ({@code onCharge}), null meaning yes; and the
   * names Stripe's ready-made test objects give it ({@code tok_<name>}, {@code pm_card_<name>}).
   */
  private record TestCard(String number, String funding, String country, ChargeResult onVerify, ChargeResult onCharge, List<String> names) {}

  private static final List<TestCard> CARDS = List.of(
      new TestCard("4242424242424242", "credit", "US", null, null, List.of("visa")),
      new TestCard("4000056655665556", "debit", "US", null, null, List.of("visa_debit")),
      new TestCard("5555555555554444", "credit", "US", null, null, List.of("mastercard")),
      new TestCard("2223003122003222", "credit", "US", null, null, List.of()),
      new TestCard("5200828282828210", "debit", "US", null, null, List.of("mastercard_debit")),
      new TestCard("5105105105105100", "prepaid", "US", null, null, List.of("mastercard_prepaid")),
      new TestCard("378282246310005", "credit", "US", null, null, List.of("amex")),
      new TestCard("371449635398431", "credit", "US", null, null, List.of()),
      new TestCard("6011111111111117", "credit", "US", null, null, List.of("discover")),
      new TestCard("3056930009020004", "credit", "US", null, null, List.of("diners")),
      new TestCard("3566002020360505", "credit", "JP", null, null, List.of("jcb")),
      new TestCard("6200000000000005", "credit", "CN", null, null, List.of("unionpay")),
      // Declined cards: saving them to a customer fails as charging them does (Stripe's declined-payments table).
      new TestCard("4000000000000002", "credit", "US", GENERIC_DECLINE, GENERIC_DECLINE, List.of("chargeDeclined", "visa_chargeDeclined")),
      new TestCard("4000000000009995", "credit", "US", INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS,
          List.of("chargeDeclinedInsufficientFunds", "visa_chargeDeclinedInsufficientFunds")),
      new TestCard("4000000000009987", "credit", "US", LOST_CARD, LOST_CARD, List.of("chargeDeclinedLostCard", "visa_chargeDeclinedLostCard")),
      new TestCard("4000000000009979", "credit", "US", STOLEN_CARD, STOLEN_CARD,
          List.of("chargeDeclinedStolenCard", "visa_chargeDeclinedStolenCard")),
      new TestCard("4000000000000069", "credit", "US", EXPIRED_CARD, EXPIRED_CARD, List.of("chargeDeclinedExpiredCard")),
      new TestCard("4000000000000127", "credit", "US", INCORRECT_CVC, INCORRECT_CVC, List.of("chargeDeclinedIncorrectCvc")),
      new TestCard("4000000000000119", "credit", "US", PROCESSING_ERROR, PROCESSING_ERROR, List.of("chargeDeclinedProcessingError")),
      // Saved to a customer without trouble; every charge is then declined.
      new TestCard("4000000000000341", "credit", "US", null, GENERIC_DECLINE, List.of("chargeCustomerFail")));

  /** A test bank account whose debits fail, by the text its fingerprint is taken of; other well-formed accounts succeed. */
  private record TestAccount(String type, String account, ChargeResult onCharge) {}

  private static final List<TestAccount> FAILING_ACCOUNTS = List.of(
      new TestAccount("sepa_debit", "DE62370400440532013001", DEBIT_INSUFFICIENT_FUNDS),
      new TestAccount("us_bank_account", "110000000:000111111113", ACCOUNT_CLOSED),
      new TestAccount("us_bank_account", "110000000:000222222227", DEBIT_INSUFFICIENT_FUNDS),
      new TestAccount("bacs_debit", "108800:90012345", DEBIT_INSUFFICIENT_FUNDS),
      new TestAccount("au_becs_debit", "000000:900123456", DEBIT_INSUFFICIENT_FUNDS),
      new TestAccount("acss_debit", "000-11000:900123456789", DEBIT_INSUFFICIENT_FUNDS));

  /** Where each SEPA country's IBAN keeps its bank and branch codes (offsets into the IBAN); others report none. */
  private static final Map<String, int[]> IBAN_CODES = Map.of(
      "DE", new int[] {4, 12, 12, 12}, "AT", new int[] {4, 9, 9, 9}, "FR", new int[] {4, 9, 9, 14}, "ES", new int[] {4, 8, 8, 12},
      "NL", new int[] {4, 8, 8, 8}, "BE", new int[] {4, 7, 7, 7}, "IT", new int[] {5, 10, 10, 15});

  private static final String TEST_BANK = "STRIPE TEST BANK";

  @Override
  public PaymentMethod.Details tokenize(Tokenization t) {
    if (t.livemode()) {
      throw ApiError.invalid("livemode_mismatch", null, "This deployment's payment provider is the built-in test provider: it takes test"
          + " payment methods, with a test key (sk_test_…), only.");
    }
    Map<String, String> raw = t.raw();
    return switch (t.type()) {
      case "card" -> raw.containsKey("token") ? cardFromToken(t, raw.get("token")) : card(t);
      case "sepa_debit" -> sepaDebit(t);
      case "us_bank_account" -> usBankAccount(t);
      case "bacs_debit" -> {
        String sort = BankAccounts.digits(raw.get("sort_code"), 6, 6, "routing_number_invalid", "bacs_debit[sort_code]", "sort code");
        String account = BankAccounts.digits(raw.get("account_number"), 8, 8, "account_number_invalid", "bacs_debit[account_number]",
            "account number");
        yield new PaymentMethod.BacsDebit(fingerprint(t.accountId(), "bacs_debit", sort + ":" + account), BankAccounts.last4(account), sort);
      }
      case "au_becs_debit" -> {
        String bsb = BankAccounts.digits(raw.get("bsb_number"), 6, 6, "routing_number_invalid", "au_becs_debit[bsb_number]", "BSB number");
        String account = BankAccounts.digits(raw.get("account_number"), 5, 9, "account_number_invalid", "au_becs_debit[account_number]",
            "account number");
        yield new PaymentMethod.AuBecsDebit(bsb, fingerprint(t.accountId(), "au_becs_debit", bsb + ":" + account), BankAccounts.last4(account));
      }
      case "acss_debit" -> {
        String institution = BankAccounts.digits(raw.get("institution_number"), 3, 3, "routing_number_invalid",
            "acss_debit[institution_number]", "institution number");
        String transit = BankAccounts.digits(raw.get("transit_number"), 5, 5, "routing_number_invalid", "acss_debit[transit_number]",
            "transit number");
        String account = BankAccounts.digits(raw.get("account_number"), 7, 12, "account_number_invalid", "acss_debit[account_number]",
            "account number");
        yield new PaymentMethod.AcssDebit("000".equals(institution) ? TEST_BANK : null,
            fingerprint(t.accountId(), "acss_debit", institution + "-" + transit + ":" + account), institution, BankAccounts.last4(account),
            transit);
      }
      case "link" -> new PaymentMethod.Link(t.billingDetails().email());
      case "paypal" -> {
        String email = t.billingDetails().email();
        // PayPal's payer id is 13 upper-case characters; the same payer (email) keeps the same id in an account.
        String payerId = email == null ? null : fingerprint(t.accountId(), "paypal", email).toUpperCase().substring(0, 13);
        yield new PaymentMethod.Paypal(t.billingDetails().address().country(), email, payerId);
      }
      default -> throw ApiError.invalid("parameter_invalid", "type", "The test provider cannot create " + t.type() + " payment methods.");
    };
  }

  @Override
  public boolean isTestPaymentMethod(String id) {
    return id != null && id.startsWith("pm_card_") && byName(id.substring("pm_card_".length())) != null;
  }

  @Override
  public ChargeResult verify(String accountId, PaymentMethod paymentMethod) {
    TestCard card = testCard(accountId, paymentMethod);
    return card != null && card.onVerify() != null ? card.onVerify() : new ChargeResult.Succeeded(null);
  }

  @Override
  public ChargeResult charge(String accountId, PaymentMethod paymentMethod, long amount, String currency, String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (paymentMethod.livemode()) throw new IllegalArgumentException("the test provider charges test-mode payment methods only");
    if (amount <= 0) throw ApiError.invalid("parameter_invalid", "amount", "A charge must be a positive amount (got " + amount + ").");
    Currencies.chargeAmountProblem(amount, currency).ifPresent(problem -> {
      throw ApiError.invalid("parameter_invalid", "amount", problem);
    });
    if (!PaymentMethodTypes.acceptsCurrency(paymentMethod.type(), currency)) {
      throw ApiError.invalid("parameter_invalid", "currency", PaymentMethodTypes.refusal(paymentMethod.type(), currency, null).orElseThrow());
    }
    ChargeResult outcome = null;
    TestCard card = testCard(accountId, paymentMethod);
    if (card != null) outcome = card.onCharge();
    for (TestAccount a : FAILING_ACCOUNTS) {
      if (a.type().equals(paymentMethod.type()) && fingerprint(accountId, a.type(), a.account()).equals(paymentMethod.details().fingerprint())) {
        outcome = a.onCharge();
      }
    }
    // Stateless idempotency: the same key, payment method and amount always give the same answer and reference.
    return outcome != null ? outcome
        : new ChargeResult.Succeeded("ch_" + mac(accountKey(accountId), paymentMethod.id() + "\n" + amount + " " + currency + "\n" + idempotencyKey, 24));
  }

  // ---- cards -------------------------------------------------------------------------------------

  private PaymentMethod.Card card(Tokenization t) {
    Map<String, String> raw = t.raw();
    String number = Cards.number(raw.get("number"), "number");
    Cards.Brand brand = Cards.brand(number);
    YearMonth now = YearMonth.from(t.now().atZone(ZoneOffset.UTC));
    long month = Long.parseLong(raw.get("exp_month"));
    long year = Cards.expiryYear(month, Long.parseLong(raw.get("exp_year")), now, "exp_month", "exp_year");
    String cvc = raw.get("cvc");
    Cards.cvc(cvc, brand, "cvc");
    TestCard test = CARDS.stream().filter(c -> c.number().equals(number)).findFirst().orElseThrow(() -> ApiError.card("card_declined", null,
        "Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit:"
            + " https://stripe.com/docs/testing.").with("decline_code", "test_mode_live_card"));
    return card(t, test, brand, month, year, cvc != null);
  }

  /** Stripe's ready-made test cards expire a year from now, with an unchecked CVC. */
  private PaymentMethod.Card cardFromToken(Tokenization t, String token) {
    String name = token.startsWith("tok_") ? token.substring(4) : token.startsWith("pm_card_") ? token.substring(8) : null;
    TestCard test = name == null ? null : byName(name);
    if (test == null) throw ApiError.noSuch("token", token, "card[token]").asBadRequest();
    YearMonth expiry = YearMonth.from(t.now().atZone(ZoneOffset.UTC)).plusYears(1);
    return card(t, test, Cards.brand(test.number()), expiry.getMonthValue(), expiry.getYear(), true);
  }

  private PaymentMethod.Card card(Tokenization t, TestCard test, Cards.Brand brand, long month, long year, boolean cvcGiven) {
    Address billing = t.billingDetails().address();
    var checks = new PaymentMethod.Card.Checks(billing.line1() == null ? null : "unchecked", billing.postalCode() == null ? null : "unchecked",
        cvcGiven ? "unchecked" : null);
    String number = test.number();
    return new PaymentMethod.Card(brand.brand(), checks, test.country(), brand.displayBrand(), month, year,
        fingerprint(t.accountId(), "card", number), test.funding(), null, BankAccounts.last4(number),
        new PaymentMethod.Card.Networks(brand.networks(), null), new PaymentMethod.Card.ThreeDSecureUsage(true), null);
  }

  private static TestCard byName(String name) {
    return CARDS.stream().filter(c -> c.names().contains(name)).findFirst().orElse(null);
  }

  private static TestCard testCard(String accountId, PaymentMethod pm) {
    if (pm.card() == null) return null;
    return CARDS.stream().filter(c -> fingerprint(accountId, "card", c.number()).equals(pm.card().fingerprint())).findFirst().orElse(null);
  }

  // ---- bank accounts -------------------------------------------------------------------------------

  private PaymentMethod.SepaDebit sepaDebit(Tokenization t) {
    String iban = BankAccounts.iban(t.raw().get("iban"), "sepa_debit[iban]");
    String country = iban.substring(0, 2);
    int[] at = IBAN_CODES.get(country);
    String bank = at == null ? null : iban.substring(at[0], at[1]);
    String branch = at == null ? null : iban.substring(at[2], at[3]);
    return new PaymentMethod.SepaDebit(bank, branch, country, fingerprint(t.accountId(), "sepa_debit", iban), null, BankAccounts.last4(iban));
  }

  private PaymentMethod.UsBankAccount usBankAccount(Tokenization t) {
    Map<String, String> raw = t.raw();
    String routing = BankAccounts.abaRoutingNumber(raw.get("routing_number"), "us_bank_account[routing_number]");
    String account = BankAccounts.digits(raw.get("account_number"), 4, 17, "account_number_invalid", "us_bank_account[account_number]",
        "account number");
    String accountType = raw.getOrDefault("account_type", "checking");
    return new PaymentMethod.UsBankAccount(raw.get("account_holder_type"), accountType, "110000000".equals(routing) ? TEST_BANK : null, null,
        fingerprint(t.accountId(), "us_bank_account", routing + ":" + account), BankAccounts.last4(account),
        new PaymentMethod.UsBankAccount.Networks("ach", List.of("ach")), routing, null);
  }

  // ---- fingerprints --------------------------------------------------------------------------------

  /** 16 characters, as Stripe's: a keyed hash of the number, never the number. */
  static String fingerprint(String accountId, String type, String number) {
    return mac(accountKey(accountId), type + ":" + number, 16);
  }

  private static byte[] accountKey(String accountId) {
    return hmac(FINGERPRINT_ROOT, accountId);
  }

  private static String mac(byte[] key, String text, int length) {
    byte[] mac = hmac(key, text);
    char[] out = new char[length];
    for (int i = 0; i < length; i++) out[i] = ALPHANUMERIC[(mac[i] & 0xff) % ALPHANUMERIC.length];
    return new String(out);
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
