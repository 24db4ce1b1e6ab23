package io.portico.domain;

/**
 * A merchant: their public business details (shown in the portal and used as defaults for
 * portal configurations) and branding. Secret keys are stored separately, only as hashes.
 */
public record Account(
    String id,
    String businessName,
    String supportEmail,
    String supportPhone,
    String supportUrl,
    String termsOfServiceUrl,
    String privacyPolicyUrl,
    Branding branding,
    String defaultApiVersion,
    long created,
    String failedPaymentBehavior) {

  /** What happens to a subscription when every retry of its invoice failed (Stripe's billing settings). */
  public static final java.util.List<String> FAILED_PAYMENT_BEHAVIORS = java.util.List.of("cancel", "mark_unpaid");

  public record Branding(String logo, String icon, String backgroundColor, String buttonColor, String font, String cornerShape) {}
}
