package io.portico.domain.payments;

import io.portico.domain.billing.Currencies;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which payment method types the portal offers, in which currencies and where: the table of seed
 * {@code 001} ("Unterstützte Zahlungsmethoden"), as data. Its country column is the business
 * location ("Unternehmensstandort"): the merchant's country, not the customer's. An empty set in a
 * rule stands for the seed's "most currencies" / "most locations": any currency Stripe supports,
 * any country.
 */
public final class PaymentMethodTypes {
  /** The seed's "Europa": the EU, the rest of the EEA, Switzerland and the United Kingdom. */
  public static final Set<String> EUROPE = Set.of(
      "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL",
      "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "CH", "GB");

  /**
   * One row of the seed's table. {@code restriction} repeats the seed's "Einschränkungen" column
   * (null: none) so a merchant-facing screen can say why a type is unavailable.
   */
  public record Rule(String type, Set<String> currencies, Set<String> countries, String restriction) {
    public boolean anyCurrency() { return currencies.isEmpty(); }
    public boolean anyCountry() { return countries.isEmpty(); }
  }

  public static final List<Rule> RULES = List.of(
      new Rule("us_bank_account", Set.of("usd"), Set.of("US"), null),
      new Rule("amazon_pay", Set.of("usd"), Set.of("US"), null),
      new Rule("au_becs_debit", Set.of("aud"), Set.of("AU"), null),
      new Rule("boleto", Set.of("brl"), Set.of("BR"), "The business needs a Brazilian account to accept Boleto."),
      new Rule("card", Set.of(), Set.of(), null),
      new Rule("cashapp", Set.of("usd"), Set.of("US"), null),
      new Rule("link", Set.of(), Set.of(), null),
      new Rule("nz_bank_account", Set.of("nzd"), Set.of("NZ"), null),
      new Rule("paypal", Set.of(), EUROPE, "PayPal needs the payment provider's approval."),
      new Rule("acss_debit", Set.of("cad", "usd"), Set.of("CA", "US"), null),
      new Rule("sepa_debit", Set.of("eur"), union(EUROPE, Set.of("AU", "CA", "HK", "JP", "MX", "NZ", "SG", "US")), null),
      // The seed names it "uk_bacs_debit"; Stripe's type is bacs_debit.
      new Rule("bacs_debit", Set.of("gbp"), Set.of("GB"), "The business needs a UK account and a UK bank account to accept Bacs Direct Debit."));

  /** Every type the seed lists (and list filters accept). */
  public static final List<String> KNOWN = RULES.stream().map(Rule::type).sorted().toList();

  /** The types Portico can create payment methods of (SPEC.md "Payment methods"); the others are listed, not modelled. */
  public static final List<String> MODELLED = List.of(
      "acss_debit", "au_becs_debit", "bacs_debit", "card", "link", "paypal", "sepa_debit", "us_bank_account");

  private PaymentMethodTypes() {}

  public static Optional<Rule> rule(String type) {
    return RULES.stream().filter(r -> r.type().equals(type)).findFirst();
  }

  /** Whether {@code type} can pay in {@code currency} (wherever the business is). */
  public static boolean acceptsCurrency(String type, String currency) {
    return rule(type).map(r -> currencyOk(r, currency)).orElse(false);
  }

  /**
   * Whether a business in {@code businessCountry} (ISO 3166 alpha-2) can take {@code currency}
   * with {@code type}.
   */
  public static boolean canPay(String type, String currency, String businessCountry) {
    return refusal(type, currency, businessCountry).isEmpty();
  }

  /** Why {@link #canPay} is false, in a sentence a merchant or customer can read; empty when it is true. */
  public static Optional<String> refusal(String type, String currency, String businessCountry) {
    Optional<Rule> found = rule(type);
    if (found.isEmpty()) return Optional.of("Unknown payment method type: " + type + ".");
    Rule r = found.get();
    if (!currencyOk(r, currency)) {
      return Optional.of(type + " cannot pay in " + currency + "; it takes " + (r.anyCurrency() ? "Stripe's currencies" : join(r.currencies())) + ".");
    }
    if (!r.anyCountry() && (businessCountry == null || !r.countries().contains(businessCountry.toUpperCase(Locale.ROOT)))) {
      return Optional.of(type + " is not available to a business in " + businessCountry + "; it is available in " + join(r.countries()) + ".");
    }
    return Optional.empty();
  }

  private static boolean currencyOk(Rule r, String currency) {
    if (!Currencies.isSupported(currency)) return false;
    return r.anyCurrency() || r.currencies().contains(Currencies.normalize(currency));
  }

  private static String join(Set<String> values) {
    return String.join(", ", values.stream().sorted().toList());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Set.copyOf(Stream.concat(a.stream(), b.stream()).toList());
  }
}
