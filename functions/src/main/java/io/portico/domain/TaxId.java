package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer's tax ID, field for field as Stripe's {@code tax_id} object ({@code txi_…}). Portico
 * checks the format of the value ({@link TaxIdTypes}) but asks no government register, so
 * {@code verification.status} is always {@code unavailable}.
 */
public record TaxId(
    String id,
    String country,
    long created,
    String customer,
    String customerAccount,
    boolean livemode,
    Owner owner,
    String type,
    String value,
    Verification verification) {

  public static final String OBJECT = "tax_id";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  /** Whose tax ID it is: here always a customer ({@code type = customer}). */
  public record Owner(String account, String application, String customer, String customerAccount, String type) {
    public static Owner customer(String customerId) {
      return new Owner(null, null, customerId, null, "customer");
    }
  }

  /** @param status {@code pending}, {@code verified}, {@code unverified} or {@code unavailable} */
  public record Verification(String status, String verifiedAddress, String verifiedName) {
    public static final Verification UNAVAILABLE = new Verification("unavailable", null, null);
  }

  public static TaxId of(String id, String customerId, String type, String value, long created, boolean livemode) {
    return new TaxId(id, TaxIdTypes.country(type, value), created, customerId, null, livemode, Owner.customer(customerId), type, value,
        Verification.UNAVAILABLE);
  }
}
