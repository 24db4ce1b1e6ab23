package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A customer-facing code for a coupon, field for field as Stripe's {@code promotion_code} in this
 * API version: the coupon sits under {@code promotion} ({@code type: coupon}), as its id unless
 * expanded. Only {@code active}, {@code metadata} and the per-currency minimums change after creation.
 */
public record PromotionCode(
    String id,
    boolean active,
    String code,
    long created,
    Object customer, // the id, or the customer itself when expanded
    String customerAccount,
    Long expiresAt,
    boolean livemode,
    Long maxRedemptions,
    Map<String, String> metadata,
    Promotion promotion,
    Restrictions restrictions,
    long timesRedeemed) {

  public static final String OBJECT = "promotion_code";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  /** What the code redeems: a coupon (the only type Stripe has). */
  public record Promotion(Object coupon, String type) {
    public static Promotion coupon(String couponId) {
      return new Promotion(couponId, "coupon");
    }
  }

  /**
   * Who may redeem it on what: first purchases only, and a minimum amount in
   * {@code minimum_amount_currency} or in one of {@code currency_options} (shown only when set).
   */
  public record Restrictions(
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, CurrencyOption> currencyOptions,
      boolean firstTimeTransaction,
      Long minimumAmount,
      String minimumAmountCurrency) {

    /** The minimum amount in {@code currency}, or null when none is set for it. */
    public Long minimumIn(String currency) {
      if (currency.equals(minimumAmountCurrency)) return minimumAmount;
      CurrencyOption option = currencyOptions == null ? null : currencyOptions.get(currency);
      return option == null ? null : option.minimumAmount();
    }
  }

  public record CurrencyOption(long minimumAmount) {}

  public String couponId() {
    return promotion.coupon() instanceof Coupon c ? c.id() : (String) promotion.coupon();
  }

  public String customerId() {
    return customer instanceof Customer c ? c.id() : (String) customer;
  }

  public boolean expiredAt(long now) {
    return expiresAt != null && now >= expiresAt;
  }

  public boolean fullyRedeemed() {
    return maxRedemptions != null && timesRedeemed >= maxRedemptions;
  }

  public PromotionCode with(boolean newActive, Map<String, String> newMetadata, Restrictions newRestrictions) {
    return new PromotionCode(id, newActive, code, created, customer, customerAccount, expiresAt, livemode, maxRedemptions, newMetadata, promotion,
        newRestrictions, timesRedeemed);
  }

  /** The same code as served: the coupon and customer as given (ids, or objects when expanded). */
  public PromotionCode expanded(Object newCoupon, Object newCustomer) {
    return new PromotionCode(id, active, code, created, newCustomer, customerAccount, expiresAt, livemode, maxRedemptions, metadata,
        new Promotion(newCoupon, promotion.type()), restrictions, timesRedeemed);
  }

  /** One more discount uses it. */
  public PromotionCode redeemedOnceMore() {
    return new PromotionCode(id, active, code, created, customer, customerAccount, expiresAt, livemode, maxRedemptions, metadata, promotion,
        restrictions, timesRedeemed + 1);
  }
}
