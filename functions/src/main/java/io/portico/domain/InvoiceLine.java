package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One line of an invoice (Stripe's {@code line_item}): a period of a subscription item, or a
 * proration (credit for unused time, charge for remaining time) with {@code parent.subscription_item_details.proration}.
 */
public record InvoiceLine(
    String id,
    long amount,
    String currency,
    String description,
    List<Invoice.DiscountAmount> discountAmounts,
    boolean discountable,
    List<String> discounts,
    String invoice,
    boolean livemode,
    Map<String, String> metadata,
    Parent parent,
    Period period,
    List<Object> pretaxCreditAmounts,
    Pricing pricing,
    long quantity,
    String subscription,
    long subtotal,
    List<Object> taxes) {

  public static final String OBJECT = "line_item";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public boolean proration() {
    return parent != null && parent.subscriptionItemDetails() != null && parent.subscriptionItemDetails().proration();
  }

  public record Parent(Object invoiceItemDetails, SubscriptionItemDetails subscriptionItemDetails, String type) {}

  public record SubscriptionItemDetails(String invoiceItem, boolean proration, Object prorationDetails, String subscription,
      String subscriptionItem) {}

  public record Period(long end, long start) {}

  public record Pricing(PriceDetails priceDetails, String type, String unitAmountDecimal) {}

  public record PriceDetails(String price, String product) {}
}
