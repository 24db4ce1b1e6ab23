package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A coupon applied to a subscription, field for field as Stripe's {@code discount} in this API
 * version: the coupon sits under {@code source} ({@code type: coupon}), in full, as it was when the
 * discount started (later changes to the coupon, its deletion included, do not touch running discounts).
 */
public record Discount(
    String id,
    String checkoutSession,
    String customer,
    String customerAccount,
    Long end, // when a repeating coupon stops applying; null for once and forever
    String invoice,
    String invoiceItem,
    String promotionCode,
    Source source,
    long start,
    String subscription,
    String subscriptionItem) {

  public static final String OBJECT = "discount";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record Source(Coupon coupon, String type) {}

  public Coupon coupon() {
    return source.coupon();
  }
}
