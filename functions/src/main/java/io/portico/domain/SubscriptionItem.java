package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One price and quantity of a subscription, with the period it is billed for (Stripe's {@code subscription_item}). */
public record SubscriptionItem(
    String id,
    long created,
    long currentPeriodEnd,
    long currentPeriodStart,
    List<String> discounts,
    Map<String, String> metadata,
    Price price,
    long quantity,
    String subscription,
    List<Object> taxRates) {

  public static final String OBJECT = "subscription_item";

  @JsonProperty("object")
  public String object() { return OBJECT; }
}
