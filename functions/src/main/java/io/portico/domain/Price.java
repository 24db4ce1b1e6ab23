package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How much and how often, field for field as Stripe's {@code price}. Amounts are minor units of
 * {@code currency}; {@code unit_amount_decimal} carries sub-minor precision (up to 12 decimals).
 */
public record Price(
    String id,
    boolean active,
    String billingScheme,
    long created,
    String currency,
    Object customUnitAmount,
    boolean livemode,
    String lookupKey,
    Map<String, String> metadata,
    String nickname,
    Object product, // the id, or the product itself when expanded
    Recurring recurring,
    String taxBehavior,
    String tiersMode,
    Object transformQuantity,
    String type,
    Long unitAmount,
    String unitAmountDecimal) {

  public static final String OBJECT = "price";
  public static final List<String> INTERVALS = List.of("day", "week", "month", "year");
  public static final List<String> USAGE_TYPES = List.of("licensed", "metered");
  public static final List<String> TAX_BEHAVIORS = List.of("exclusive", "inclusive", "unspecified");
  public static final List<String> TYPES = List.of("one_time", "recurring");

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record Recurring(String interval, long intervalCount, String meter, Long trialPeriodDays, String usageType) {}

  public String productId() {
    return product instanceof Product p ? p.id() : (String) product;
  }

  /** The exact unit amount in minor units (decimal when the price was given one). */
  public BigDecimal exactUnitAmount() {
    return new BigDecimal(unitAmountDecimal);
  }

  /** The (interval, currency) pair a portal may offer only once per product (the seed's rule). */
  public String intervalAndCurrency() {
    return recurring == null ? "one_time " + currency : "every " + recurring.intervalCount() + " " + recurring.interval() + " in " + currency;
  }

  public Price with(boolean newActive, String newLookupKey, Map<String, String> newMetadata, String newNickname, String newTaxBehavior) {
    return new Price(id, newActive, billingScheme, created, currency, customUnitAmount, livemode, newLookupKey, newMetadata, newNickname,
        product, recurring, newTaxBehavior, tiersMode, transformQuantity, type, unitAmount, unitAmountDecimal);
  }

  public Price withProduct(Object newProduct) {
    return new Price(id, active, billingScheme, created, currency, customUnitAmount, livemode, lookupKey, metadata, nickname, newProduct,
        recurring, taxBehavior, tiersMode, transformQuantity, type, unitAmount, unitAmountDecimal);
  }
}
