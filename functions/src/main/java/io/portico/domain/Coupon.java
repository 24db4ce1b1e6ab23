package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A discount's terms, field for field as Stripe's {@code coupon}. Its id is the merchant's choice
 * (or 8 random characters). Only {@code name} and {@code metadata} change after creation, and
 * {@code times_redeemed} as discounts use it; {@code valid} is recomputed whenever it is served
 * ({@link #asOf}). The arithmetic lives in {@link io.portico.domain.billing}: {@link #terms()}.
 */
public record Coupon(
    String id,
    Long amountOff,
    @JsonInclude(JsonInclude.Include.NON_NULL) AppliesTo appliesTo, // as Stripe: only on coupons restricted to products
    long created,
    String currency,
    String duration,
    Long durationInMonths,
    boolean livemode,
    Long maxRedemptions,
    Map<String, String> metadata,
    String name,
    BigDecimal percentOff,
    Long redeemBy,
    long timesRedeemed,
    boolean valid) {

  public static final String OBJECT = "coupon";
  public static final List<String> DURATIONS = List.of("once", "repeating", "forever");

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record AppliesTo(List<String> products) {}

  /** The terms the billing arithmetic works with. */
  public io.portico.domain.billing.Coupon terms() {
    return new io.portico.domain.billing.Coupon(percentOff, amountOff, currency,
        io.portico.domain.billing.Coupon.Duration.valueOf(duration.toUpperCase(Locale.ROOT)),
        durationInMonths == null ? null : Math.toIntExact(durationInMonths));
  }

  public boolean expiredAt(long now) {
    return redeemBy != null && now > redeemBy;
  }

  public boolean fullyRedeemed() {
    return maxRedemptions != null && timesRedeemed >= maxRedemptions;
  }

  /** Stripe's {@code valid} at {@code now}: not deleted, not past {@code redeem_by}, not fully redeemed. */
  public Coupon asOf(long now, boolean deleted) {
    return withValid(!deleted && !expiredAt(now) && !fullyRedeemed());
  }

  public Coupon with(String newName, Map<String, String> newMetadata) {
    return new Coupon(id, amountOff, appliesTo, created, currency, duration, durationInMonths, livemode, maxRedemptions, newMetadata, newName,
        percentOff, redeemBy, timesRedeemed, valid);
  }

  /** One more discount uses it. */
  public Coupon redeemedOnceMore() {
    return new Coupon(id, amountOff, appliesTo, created, currency, duration, durationInMonths, livemode, maxRedemptions, metadata, name,
        percentOff, redeemBy, timesRedeemed + 1, valid);
  }

  private Coupon withValid(boolean newValid) {
    return new Coupon(id, amountOff, appliesTo, created, currency, duration, durationInMonths, livemode, maxRedemptions, metadata, name,
        percentOff, redeemBy, timesRedeemed, newValid);
  }
}
