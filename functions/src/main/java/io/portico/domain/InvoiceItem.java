package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A charge or credit waiting for the customer's next invoice (Stripe's {@code invoiceitem}): the
 * proration lines of a {@code create_prorations} change. {@code invoice} is null while pending.
 */
public record InvoiceItem(
    String id,
    long amount,
    String currency,
    String customer,
    long date,
    String description,
    boolean discountable,
    List<String> discounts,
    String invoice,
    boolean livemode,
    Map<String, String> metadata,
    Parent parent,
    InvoiceLine.Period period,
    InvoiceLine.Pricing pricing,
    boolean proration,
    long quantity,
    String testClock) {

  public static final String OBJECT = "invoiceitem";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record Parent(SubscriptionDetails subscriptionDetails, String type) {}

  public record SubscriptionDetails(String subscription, String subscriptionItem) {}

  public String subscriptionId() {
    return parent == null || parent.subscriptionDetails() == null ? null : parent.subscriptionDetails().subscription();
  }

  public InvoiceItem onInvoice(String invoiceId) {
    return new InvoiceItem(id, amount, currency, customer, date, description, discountable, discounts, invoiceId, livemode, metadata, parent,
        period, pricing, proration, quantity, testClock);
  }
}
