package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A customer's recurring purchase, field for field as Stripe's {@code subscription} in API version
 * 2026-07-29 (current periods live on the items). Fields for features Portico does not offer
 * (Connect, automatic tax, pausing collection) are present with Stripe's empty values.
 */
public record Subscription(
    String id,
    String application,
    AutomaticTax automaticTax,
    long billingCycleAnchor,
    Object billingCycleAnchorConfig,
    Long cancelAt,
    boolean cancelAtPeriodEnd,
    Long canceledAt,
    CancellationDetails cancellationDetails,
    String collectionMethod,
    long created,
    String currency,
    Object customer, // id, or the customer when expanded
    Long daysUntilDue,
    String defaultPaymentMethod,
    String defaultSource,
    List<Object> defaultTaxRates,
    String description,
    List<String> discounts,
    Long endedAt,
    InvoiceSettings invoiceSettings,
    Items items,
    Object latestInvoice, // id, or the invoice when expanded
    boolean livemode,
    Map<String, String> metadata,
    Long nextPendingInvoiceItemInvoice,
    String onBehalfOf,
    Object pauseCollection,
    PaymentSettings paymentSettings,
    Object pendingInvoiceItemInterval,
    String pendingSetupIntent,
    Object pendingUpdate,
    String schedule,
    long startDate,
    String status,
    String testClock,
    Object transferData,
    Long trialEnd,
    TrialSettings trialSettings,
    Long trialStart) {

  public static final String OBJECT = "subscription";
  public static final List<String> STATUSES =
      List.of("incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused");
  public static final List<String> COLLECTION_METHODS = List.of("charge_automatically", "send_invoice");

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public String latestInvoiceId() {
    return latestInvoice instanceof Invoice i ? i.id() : (String) latestInvoice;
  }

  public String customerId() {
    return customer instanceof Customer c ? c.id() : (String) customer;
  }

  public record AutomaticTax(Object disabledReason, boolean enabled, Object liability) {}

  /** Why a subscription was (or will be) cancelled: Stripe's reason, and the customer's feedback and comment. */
  public record CancellationDetails(String comment, String feedback, String reason) {
    public static final CancellationDetails NONE = new CancellationDetails(null, null, null);
  }

  public record InvoiceSettings(Object accountTaxIds, Issuer issuer) {}

  public record Issuer(String type) {}

  public record PaymentSettings(Object paymentMethodOptions, Object paymentMethodTypes, String saveDefaultPaymentMethod) {}

  public record TrialSettings(EndBehavior endBehavior) {}

  public record EndBehavior(String missingPaymentMethod) {}

  /** The items list as Stripe embeds it in a subscription. */
  public record Items(List<SubscriptionItem> data, boolean hasMore, String url) {
    @JsonProperty("object")
    public String object() { return "list"; }
  }
}
