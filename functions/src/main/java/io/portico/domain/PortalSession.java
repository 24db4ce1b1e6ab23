package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A short-lived link into the hosted portal for one customer, field for field as Stripe's
 * {@code billing_portal.session}. The {@code url} holds the only copy of the link token: it is
 * returned once at creation and never stored.
 */
public record PortalSession(
    String id,
    Object configuration, // the id, or the configuration itself when expanded
    long created,
    String customer,
    String customerAccount,
    Flow flow,
    boolean livemode,
    String locale,
    String onBehalfOf,
    String returnUrl,
    String url) {

  public static final String OBJECT = "billing_portal.session";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public PortalSession withUrl(String newUrl) {
    return new PortalSession(id, configuration, created, customer, customerAccount, flow, livemode, locale, onBehalfOf, returnUrl, newUrl);
  }

  public PortalSession withConfiguration(Object newConfiguration) {
    return new PortalSession(id, newConfiguration, created, customer, customerAccount, flow, livemode, locale, onBehalfOf, returnUrl, url);
  }

  public record Flow(
      AfterCompletion afterCompletion,
      SubscriptionCancel subscriptionCancel,
      SubscriptionUpdate subscriptionUpdate,
      SubscriptionUpdateConfirm subscriptionUpdateConfirm,
      String type) {}

  public record AfterCompletion(HostedConfirmation hostedConfirmation, Redirect redirect, String type) {}

  public record HostedConfirmation(String customMessage) {}

  public record Redirect(String returnUrl) {}

  public record SubscriptionCancel(Retention retention, String subscription) {}

  public record Retention(CouponOffer couponOffer, String type) {}

  public record CouponOffer(String coupon) {}

  public record SubscriptionUpdate(String subscription) {}

  public record SubscriptionUpdateConfirm(List<Discount> discounts, List<Item> items, String subscription) {}

  public record Discount(String coupon, String promotionCode) {}

  public record Item(String id, String price, Long quantity) {}

  public static final List<String> FLOW_TYPES =
      List.of("payment_method_update", "subscription_cancel", "subscription_update", "subscription_update_confirm");
  public static final List<String> AFTER_COMPLETION_TYPES = List.of("hosted_confirmation", "portal_homepage", "redirect");

  /** Stripe's session locales ({@code auto} picks from the browser's Accept-Language). */
  public static final List<String> LOCALES = List.of("auto", "bg", "cs", "da", "de", "el", "en", "en-AU", "en-CA", "en-GB",
      "en-IE", "en-IN", "en-NZ", "en-SG", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko",
      "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK",
      "zh-TW");
}
