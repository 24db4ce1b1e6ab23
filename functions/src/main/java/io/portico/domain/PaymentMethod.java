package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A customer's way to pay, field for field as Stripe's {@code payment_method}. It holds what a
 * provider's token leaves behind (brand, last four digits, expiry, a keyed fingerprint), never a
 * full card or account number. Like Stripe, the JSON carries only the hash of its own {@code type}
 * (a card has {@code card}, no {@code sepa_debit}).
 */
public record PaymentMethod(
    String id,
    @JsonInclude(JsonInclude.Include.NON_NULL) AcssDebit acssDebit,
    String allowRedisplay,
    @JsonInclude(JsonInclude.Include.NON_NULL) AuBecsDebit auBecsDebit,
    @JsonInclude(JsonInclude.Include.NON_NULL) BacsDebit bacsDebit,
    BillingDetails billingDetails,
    @JsonInclude(JsonInclude.Include.NON_NULL) Card card,
    long created,
    Object customer, // the id, or the customer itself when expanded
    boolean livemode,
    @JsonInclude(JsonInclude.Include.NON_NULL) Link link,
    Map<String, String> metadata,
    @JsonInclude(JsonInclude.Include.NON_NULL) Paypal paypal,
    @JsonInclude(JsonInclude.Include.NON_NULL) SepaDebit sepaDebit,
    String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) UsBankAccount usBankAccount) {

  public static final String OBJECT = "payment_method";
  public static final List<String> ALLOW_REDISPLAY = List.of("always", "limited", "unspecified");

  @JsonProperty("object")
  public String object() { return OBJECT; }

  /** The type-specific hash: what a provider makes from raw details. Its {@code type()} is the Stripe type it belongs under. */
  public sealed interface Details permits Card, SepaDebit, UsBankAccount, BacsDebit, AuBecsDebit, AcssDebit, Link, Paypal {
    String type();

    /** The keyed hash that tells the same card or account again; null for wallets (link, paypal), which have none. */
    String fingerprint();
  }

  public record BillingDetails(Address address, String email, String name, String phone, String taxId) {
    /** Stripe always sends the address hash, with null fields when nothing is known. */
    public static final BillingDetails EMPTY = new BillingDetails(new Address(null, null, null, null, null, null), null, null, null, null);
  }

  public record Card(String brand, Checks checks, String country, String displayBrand, long expMonth, long expYear, String fingerprint,
      String funding, Object generatedFrom, String last4, Networks networks,
      @JsonProperty("three_d_secure_usage") ThreeDSecureUsage threeDSecureUsage, // snake_case alone would say three_dsecure_usage
      Object wallet)
      implements Details {
    public String type() { return "card"; }

    public Card withExpiry(long month, long year) {
      return new Card(brand, checks, country, displayBrand, month, year, fingerprint, funding, generatedFrom, last4, networks,
          threeDSecureUsage, wallet);
    }

    /** Each check is null (nothing to check), "unchecked", "pass" or "fail", as in Stripe. */
    public record Checks(String addressLine1Check, String addressPostalCodeCheck, String cvcCheck) {}

    public record Networks(List<String> available, String preferred) {}

    public record ThreeDSecureUsage(boolean supported) {}
  }

  public record SepaDebit(String bankCode, String branchCode, String country, String fingerprint, Object generatedFrom, String last4)
      implements Details {
    public String type() { return "sepa_debit"; }
  }

  public record UsBankAccount(String accountHolderType, String accountType, String bankName, String financialConnectionsAccount,
      String fingerprint, String last4, Networks networks, String routingNumber, Object statusDetails) implements Details {
    public static final List<String> HOLDER_TYPES = List.of("company", "individual");
    public static final List<String> ACCOUNT_TYPES = List.of("checking", "savings");

    public String type() { return "us_bank_account"; }

    public UsBankAccount withTypes(String holderType, String accountType) {
      return new UsBankAccount(holderType, accountType, bankName, financialConnectionsAccount, fingerprint, last4, networks, routingNumber,
          statusDetails);
    }

    public record Networks(String preferred, List<String> supported) {}
  }

  public record BacsDebit(String fingerprint, String last4, String sortCode) implements Details {
    public String type() { return "bacs_debit"; }
  }

  public record AuBecsDebit(String bsbNumber, String fingerprint, String last4) implements Details {
    public String type() { return "au_becs_debit"; }
  }

  public record AcssDebit(String bankName, String fingerprint, String institutionNumber, String last4, String transitNumber)
      implements Details {
    public String type() { return "acss_debit"; }
  }

  public record Link(String email) implements Details {
    public String type() { return "link"; }
    public String fingerprint() { return null; }
  }

  public record Paypal(String country, String payerEmail, String payerId) implements Details {
    public String type() { return "paypal"; }
    public String fingerprint() { return null; }
  }

  /** A new payment method with {@code details} under the field of its type. */
  public static PaymentMethod of(String id, Details details, String allowRedisplay, BillingDetails billingDetails, long created,
      String customer, boolean livemode, Map<String, String> metadata) {
    return new PaymentMethod(id, details instanceof AcssDebit d ? d : null, allowRedisplay, details instanceof AuBecsDebit d ? d : null,
        details instanceof BacsDebit d ? d : null, billingDetails, details instanceof Card d ? d : null, created, customer, livemode,
        details instanceof Link d ? d : null, metadata, details instanceof Paypal d ? d : null, details instanceof SepaDebit d ? d : null,
        details.type(), details instanceof UsBankAccount d ? d : null);
  }

  /** The hash of this payment method's type. */
  public Details details() {
    return switch (type) {
      case "card" -> card;
      case "sepa_debit" -> sepaDebit;
      case "us_bank_account" -> usBankAccount;
      case "bacs_debit" -> bacsDebit;
      case "au_becs_debit" -> auBecsDebit;
      case "acss_debit" -> acssDebit;
      case "link" -> link;
      case "paypal" -> paypal;
      default -> throw new IllegalStateException("a payment method of unknown type " + type);
    };
  }

  public String customerId() {
    return customer instanceof Customer c ? c.id() : (String) customer;
  }

  public PaymentMethod withCustomer(Object newCustomer) {
    return new PaymentMethod(id, acssDebit, allowRedisplay, auBecsDebit, bacsDebit, billingDetails, card, created, newCustomer, livemode,
        link, metadata, paypal, sepaDebit, type, usBankAccount);
  }

  public PaymentMethod with(Details newDetails, String newAllowRedisplay, BillingDetails newBillingDetails, Map<String, String> newMetadata) {
    PaymentMethod p = of(id, newDetails, newAllowRedisplay, newBillingDetails, created, null, livemode, newMetadata);
    return p.withCustomer(customer);
  }
}
