package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a portal session lets a customer do, field for field as Stripe's
 * {@code billing_portal.configuration}. Defaults are Stripe's (see {@link #defaults}).
 */
public record PortalConfiguration(
    String id,
    boolean active,
    String application,
    BusinessProfile businessProfile,
    long created,
    String defaultReturnUrl,
    Features features,
    boolean isDefault,
    boolean livemode,
    LoginPage loginPage,
    Map<String, String> metadata,
    String name,
    long updated,
    // Portico's extension: origins of the merchant's own front-ends that may call the portal API
    // (CORS) and frame the hosted page (frame-ancestors). Empty: neither.
    List<String> allowedOrigins) {

  public static final int MAX_ALLOWED_ORIGINS = 10;

  public static final String OBJECT = "billing_portal.configuration";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record BusinessProfile(String headline, String privacyPolicyUrl, String termsOfServiceUrl) {}

  public record Features(
      CustomerUpdate customerUpdate,
      InvoiceHistory invoiceHistory,
      PaymentMethodUpdate paymentMethodUpdate,
      SubscriptionCancel subscriptionCancel,
      SubscriptionUpdate subscriptionUpdate) {}

  public record CustomerUpdate(List<String> allowedUpdates, boolean enabled) {}

  public record InvoiceHistory(boolean enabled) {}

  public record PaymentMethodUpdate(boolean enabled, String paymentMethodConfiguration) {}

  public record SubscriptionCancel(CancellationReason cancellationReason, boolean enabled, String mode, String prorationBehavior) {}

  public record CancellationReason(boolean enabled, List<String> options) {}

  public record SubscriptionUpdate(
      String billingCycleAnchor,
      List<String> defaultAllowedUpdates,
      boolean enabled,
      List<Product> products,
      String prorationBehavior,
      ScheduleAtPeriodEnd scheduleAtPeriodEnd,
      String trialUpdateBehavior) {}

  public record Product(AdjustableQuantity adjustableQuantity, List<String> prices, String product) {}

  public record AdjustableQuantity(boolean enabled, Long maximum, long minimum) {}

  public record ScheduleAtPeriodEnd(List<Condition> conditions) {}

  public record Condition(String type) {}

  public record LoginPage(boolean enabled, String url) {}

  // Stripe's vocabularies, in the order its API reference lists them.
  public static final List<String> CUSTOMER_UPDATE_FIELDS = List.of("address", "email", "name", "phone", "shipping", "tax_id");
  public static final List<String> CANCELLATION_REASONS = List.of(
      "customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused");
  public static final List<String> CANCEL_MODES = List.of("at_period_end", "immediately");
  public static final List<String> PRORATION_BEHAVIORS = List.of("always_invoice", "create_prorations", "none");
  public static final List<String> UPDATE_KINDS = List.of("price", "promotion_code", "quantity");
  public static final List<String> BILLING_CYCLE_ANCHORS = List.of("now", "unchanged");
  public static final List<String> SCHEDULE_CONDITIONS = List.of("decreasing_item_amount", "shortening_interval");
  public static final List<String> TRIAL_UPDATE_BEHAVIORS = List.of("continue_trial", "end_trial");

  /** Every feature off, with Stripe's defaults for the settings inside each feature. */
  public static Features defaultFeatures() {
    return new Features(
        new CustomerUpdate(List.of(), false),
        new InvoiceHistory(false),
        new PaymentMethodUpdate(false, null),
        new SubscriptionCancel(new CancellationReason(false, List.of()), false, "at_period_end", "none"),
        new SubscriptionUpdate(null, List.of(), false, List.of(), "none", new ScheduleAtPeriodEnd(List.of()), "end_trial"));
  }

  /**
   * The configuration created for an account the first time it makes a session without naming
   * one (as Stripe does): the spec's defaults — billing details, payment methods, invoice history
   * and cancellation (with every reason) on; plan switching off.
   */
  public static Features firstDefaultFeatures() {
    return new Features(
        new CustomerUpdate(List.of("email", "address", "shipping", "phone", "tax_id"), true),
        new InvoiceHistory(true),
        new PaymentMethodUpdate(true, null),
        new SubscriptionCancel(new CancellationReason(true, CANCELLATION_REASONS), true, "at_period_end", "none"),
        new SubscriptionUpdate(null, List.of(), false, List.of(), "none", new ScheduleAtPeriodEnd(List.of()), "end_trial"));
  }
}
