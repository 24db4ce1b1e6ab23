package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A bill, field for field as Stripe's {@code invoice} (API version 2026-07-29: the subscription is
 * named under {@code parent.subscription_details}). Amounts are minor units of {@code currency}.
 */
public record Invoice(
    String id,
    String accountCountry,
    String accountName,
    long amountDue,
    long amountOverpaid,
    long amountPaid,
    long amountRemaining,
    long amountShipping,
    String application,
    long attemptCount,
    boolean attempted,
    boolean autoAdvance,
    Subscription.AutomaticTax automaticTax,
    Long automaticallyFinalizesAt,
    String billingReason,
    String collectionMethod,
    long created,
    String currency,
    String customer,
    Address customerAddress,
    String customerEmail,
    String customerName,
    String customerPhone,
    Shipping customerShipping,
    String customerTaxExempt,
    List<Object> customerTaxIds,
    String defaultPaymentMethod,
    String description,
    List<String> discounts,
    Long dueDate,
    Long effectiveAt,
    long endingBalance,
    String footer,
    String hostedInvoiceUrl,
    String invoicePdf,
    Subscription.Issuer issuer,
    Object lastFinalizationError,
    Lines lines,
    boolean livemode,
    Map<String, String> metadata,
    Long nextPaymentAttempt,
    String number,
    Parent parent,
    long periodEnd,
    long periodStart,
    long postPaymentCreditNotesAmount,
    long prePaymentCreditNotesAmount,
    long startingBalance,
    String status,
    StatusTransitions statusTransitions,
    long subtotal,
    long subtotalExcludingTax,
    String testClock,
    long total,
    List<DiscountAmount> totalDiscountAmounts,
    long totalExcludingTax,
    List<Object> totalPretaxCreditAmounts,
    List<Object> totalTaxes) {

  public static final String OBJECT = "invoice";
  public static final List<String> STATUSES = List.of("draft", "open", "paid", "uncollectible", "void");

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public String subscriptionId() {
    return parent == null || parent.subscriptionDetails() == null ? null : parent.subscriptionDetails().subscription();
  }

  public record Lines(List<InvoiceLine> data, boolean hasMore, String url) {
    @JsonProperty("object")
    public String object() { return "list"; }
  }

  public record Parent(Object quoteDetails, SubscriptionDetails subscriptionDetails, String type) {}

  public record SubscriptionDetails(Map<String, String> metadata, String subscription, Long subscriptionProrationDate) {}

  public record StatusTransitions(Long finalizedAt, Long markedUncollectibleAt, Long paidAt, Long voidedAt) {}

  /** How much one discount took off the invoice. {@code discount} names the discount applied. */
  public record DiscountAmount(long amount, String discount) {}
}
