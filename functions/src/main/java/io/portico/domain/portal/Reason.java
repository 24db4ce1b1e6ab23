package io.portico.domain.portal;

/**
 * Why the portal refuses something: a stable machine-readable {@code code} (the UI localizes by it)
 * and a sentence a customer understands, in English. Every code the portal uses is made here, so
 * this file is the catalogue to translate.
 */
public record Reason(String code, String message) {

  // A subscription that is over.
  public static final Reason SUBSCRIPTION_ENDED = new Reason("subscription_ended", "This subscription has ended.");

  // The merchant's configuration.
  public static final Reason UPDATE_DISABLED = new Reason("update_disabled", "Plan changes are not available in this portal.");
  public static final Reason CANCEL_DISABLED = new Reason("cancel_disabled", "Cancelling is not available in this portal.");
  public static final Reason PRODUCT_NOT_OFFERED = new Reason("product_not_offered", "This plan cannot be changed in this portal.");
  public static final Reason NOTHING_TO_UPDATE = new Reason("nothing_to_update", "There are no other plans or quantities to choose from.");

  // Subscriptions the portal can only cancel (seed 001, in its order).
  public static final Reason MULTIPLE_PRODUCTS = new Reason("multiple_products",
      "This subscription includes several products, so it can only be cancelled here.");
  public static final Reason METERED_PRICE = new Reason("metered_price",
      "This subscription is billed by usage, so it can only be cancelled here.");
  public static final Reason SEND_INVOICE = new Reason("send_invoice",
      "This subscription is paid by invoice, so it can only be cancelled here.");
  public static final Reason UNSUPPORTED_PAYMENT_METHOD = new Reason("unsupported_payment_method",
      "This subscription's payment method is not supported here, so it can only be cancelled.");

  // What is already under way.
  public static final Reason PENDING_SCHEDULE = new Reason("pending_schedule",
      "A change to this subscription is already scheduled, so it cannot be changed again now.");
  public static final Reason CANCELLATION_PENDING = new Reason("cancellation_pending",
      "This subscription is set to end at the end of the period; renew it first.");

  // Plan changes.
  public static final Reason NO_CHANGE = new Reason("no_change", "This is already your plan and quantity.");
  public static final Reason CURRENCY_CHANGE = new Reason("currency_change", "You cannot switch to a plan in another currency.");
  public static final Reason PRICE_NOT_OFFERED = new Reason("price_not_offered", "This plan is not available to switch to.");
  public static final Reason PRICE_NOT_RECURRING = new Reason("price_not_recurring", "This plan cannot be subscribed to here.");
  public static final Reason PRICE_UPDATE_NOT_ALLOWED = new Reason("price_update_not_allowed", "You cannot switch plans here.");
  public static final Reason QUANTITY_UPDATE_NOT_ALLOWED = new Reason("quantity_update_not_allowed", "You cannot change the quantity here.");
  public static final Reason TAX_BEHAVIOR_UNSPECIFIED = new Reason("tax_behavior_unspecified",
      "This plan cannot be changed here because its tax treatment is not set.");
  public static final Reason TAX_BEHAVIOR_MISMATCH = new Reason("tax_behavior_mismatch",
      "You cannot switch to this plan because its prices are taxed differently.");

  // Confirming a change (the portal's preview, then update).
  public static final Reason PROMOTION_CODE_NOT_ALLOWED = new Reason("promotion_code_not_allowed", "Promotion codes cannot be used here.");
  public static final Reason PROMOTION_CODE_INVALID = new Reason("promotion_code_invalid", "This promotion code is not valid.");
  public static final Reason PROMOTION_CODE_SCHEDULED_CHANGE = new Reason("promotion_code_scheduled_change",
      "A promotion code can only be used with a change that takes effect now.");
  public static final Reason PREVIEW_EXPIRED = new Reason("preview_expired",
      "This price was quoted too long ago. Please review the change again before confirming it.");
  public static final Reason NO_UPDATE_TO_CONFIRM = new Reason("no_update_to_confirm", "There is no prepared change to confirm here.");

  public static Reason quantityBelowMinimum(long minimum) {
    return new Reason("quantity_below_minimum", "The quantity must be at least " + minimum + ".");
  }

  public static Reason quantityAboveMaximum(long maximum) {
    return new Reason("quantity_above_maximum", "The quantity can be at most " + maximum + ".");
  }

  // Payment methods.
  public static final Reason PAYMENT_METHOD_NOT_FOUND = new Reason("payment_method_not_found", "This payment method is not on your account.");
  public static final Reason LAST_CHARGEABLE_PAYMENT_METHOD = new Reason("last_chargeable_payment_method",
      "Your subscription needs a payment method it can be charged with: add a new one before removing this one.");

  // Billing details (features[customer_update][allowed_updates]).
  public static Reason fieldNotUpdatable(String field) {
    String what = switch (field) {
      case "email" -> "email address";
      case "phone" -> "phone number";
      case "address" -> "billing address";
      case "shipping" -> "shipping address";
      case "tax_id" -> "tax IDs";
      default -> field;
    };
    return new Reason("customer_update_field_not_allowed", "Your " + what + " cannot be changed here.");
  }

  // Cancellation reasons.
  public static final Reason CANCELLATION_REASON_NOT_OFFERED = new Reason("cancellation_reason_not_offered",
      "Please choose one of the reasons listed.");
  public static final Reason COMMENT_NEEDS_OTHER = new Reason("comment_needs_other",
      "You can add your own words only when you choose \"Other\".");

  public static Reason commentTooLong(int maximum) {
    return new Reason("comment_too_long", "Please keep your comment to " + maximum + " characters.");
  }

  // Cancelling, the retention offer and renewing.
  public static final Reason SUBSCRIPTION_NOT_FOUND = new Reason("subscription_not_found", "This subscription is not on your account.");
  public static final Reason NOT_CANCELLING = new Reason("not_cancelling", "This subscription is not set to end, so there is nothing to renew.");
  public static final Reason NOT_CANCELLED = new Reason("not_cancelled",
      "This subscription has not been cancelled, so there is no reason to give.");
  public static final Reason CANCELLATION_REASON_RECORDED = new Reason("cancellation_reason_recorded",
      "Your reason for cancelling has already been recorded.");
  public static final Reason NO_RETENTION_OFFER = new Reason("no_retention_offer", "There is no offer for this subscription.");
  public static final Reason RETENTION_OFFER_ACCEPTED = new Reason("retention_offer_accepted",
      "You have already accepted this offer: it is applied to your subscription.");
  public static final Reason RETENTION_OFFER_UNAVAILABLE = new Reason("retention_offer_unavailable",
      "Sorry, this offer is no longer available.");
  public static final Reason PAYMENT_METHOD_UPDATE_DISABLED = new Reason("payment_method_update_disabled",
      "Payment methods cannot be changed in this portal.");
}
