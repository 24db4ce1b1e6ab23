package io.portico.service;

import io.portico.domain.Ids;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfiguration.AdjustableQuantity;
import io.portico.domain.PortalConfiguration.BusinessProfile;
import io.portico.domain.PortalConfiguration.CancellationReason;
import io.portico.domain.PortalConfiguration.Condition;
import io.portico.domain.PortalConfiguration.CustomerUpdate;
import io.portico.domain.PortalConfiguration.Features;
import io.portico.domain.PortalConfiguration.InvoiceHistory;
import io.portico.domain.PortalConfiguration.LoginPage;
import io.portico.domain.PortalConfiguration.PaymentMethodUpdate;
import io.portico.domain.PortalConfiguration.Product;
import io.portico.domain.PortalConfiguration.ScheduleAtPeriodEnd;
import io.portico.domain.PortalConfiguration.SubscriptionCancel;
import io.portico.domain.PortalConfiguration.SubscriptionUpdate;
import io.portico.error.ApiError;
import io.portico.wire.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stripe's create and update parameters for {@code billing_portal.configuration}, applied to an
 * existing configuration (a fresh one with Stripe's defaults on create). On create each feature
 * hash needs its {@code enabled}; on update only what is sent changes.
 */
final class ConfigurationParams {
  private ConfigurationParams() {}

  static PortalConfiguration apply(PortalConfiguration c, Params p, boolean creating, String loginBaseUrl, long now) {
    BusinessProfile profile = c.businessProfile();
    if (p.has("business_profile")) profile = businessProfile(p.requiredObject("business_profile"), profile);
    String returnUrl = p.has("default_return_url") ? Checks.url("default_return_url", nullIfEmpty(p.string("default_return_url", 5000)))
        : c.defaultReturnUrl();
    Features features = c.features();
    if (creating) {
      features = features(p.requiredObject("features"), features, true);
    } else if (p.has("features")) {
      features = features(p.requiredObject("features"), features, false);
    }
    LoginPage login = c.loginPage();
    if (p.has("login_page")) {
      boolean enabled = p.requiredObject("login_page").requiredBool("enabled");
      // A fresh link each time it is switched on; switching it off kills the old one.
      login = enabled ? (login.enabled() ? login : new LoginPage(true, loginBaseUrl + "/p/login/" + Ids.random(32))) : new LoginPage(false, null);
    }
    Map<String, String> metadata = Checks.metadata(p, c.metadata());
    String name = p.has("name") ? nullIfEmpty(p.string("name", 256)) : c.name();
    boolean active = c.active();
    if (!creating && p.has("active")) {
      active = p.bool("active");
      if (!active && c.isDefault()) {
        throw ApiError.invalid("parameter_invalid", "active",
            "The default configuration cannot be deactivated: it is what sessions use when they name no configuration.");
      }
    }
    List<String> origins = p.has("allowed_origins") ? allowedOrigins(p) : c.allowedOrigins();
    return new PortalConfiguration(c.id(), active, c.application(), profile, c.created(), returnUrl, features, c.isDefault(),
        c.livemode(), login, metadata, name, now, origins);
  }

  /** {@code allowed_origins[]=https://app.example.com}; {@code allowed_origins=} (empty) clears the list. */
  private static List<String> allowedOrigins(Params p) {
    if (p.isEmptyString("allowed_origins")) {
      p.accept("allowed_origins");
      return List.of();
    }
    List<String> given = p.stringList("allowed_origins", 300);
    if (given.size() > PortalConfiguration.MAX_ALLOWED_ORIGINS) {
      throw ApiError.invalid("parameter_invalid", "allowed_origins", "At most " + PortalConfiguration.MAX_ALLOWED_ORIGINS
          + " allowed origins can be listed.");
    }
    List<String> origins = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String origin = Checks.origin("allowed_origins[" + i + "]", given.get(i));
      if (!origins.contains(origin)) origins.add(origin);
    }
    return List.copyOf(origins);
  }

  private static BusinessProfile businessProfile(Params b, BusinessProfile base) {
    String headline = b.has("headline") ? nullIfEmpty(b.string("headline", 60)) : base.headline();
    String privacy = b.has("privacy_policy_url") ? Checks.url(b.path("privacy_policy_url"), nullIfEmpty(b.string("privacy_policy_url", 5000)))
        : base.privacyPolicyUrl();
    String terms = b.has("terms_of_service_url") ? Checks.url(b.path("terms_of_service_url"), nullIfEmpty(b.string("terms_of_service_url", 5000)))
        : base.termsOfServiceUrl();
    return new BusinessProfile(headline, privacy, terms);
  }

  private static Features features(Params f, Features base, boolean creating) {
    if (f.has("subscription_pause")) {
      f.accept("subscription_pause");
      throw ApiError.invalid("parameter_unknown", f.path("subscription_pause"),
          "features[subscription_pause] is retired: customers can no longer pause subscriptions from the portal. Remove the parameter.");
    }
    CustomerUpdate customerUpdate = base.customerUpdate();
    Params cu = f.object("customer_update");
    if (cu != null) {
      boolean enabled = flag(cu, creating, customerUpdate.enabled());
      List<String> allowed = cu.has("allowed_updates") ? cu.enumList("allowed_updates", PortalConfiguration.CUSTOMER_UPDATE_FIELDS)
          : customerUpdate.allowedUpdates();
      customerUpdate = new CustomerUpdate(allowed, enabled);
    }
    InvoiceHistory invoices = base.invoiceHistory();
    Params ih = f.object("invoice_history");
    if (ih != null) invoices = new InvoiceHistory(ih.requiredBool("enabled"));
    PaymentMethodUpdate paymentMethods = base.paymentMethodUpdate();
    Params pm = f.object("payment_method_update");
    if (pm != null) {
      boolean enabled = pm.requiredBool("enabled");
      String pmc = nullIfEmpty(pm.string("payment_method_configuration", 5000));
      if (pmc != null) {
        throw ApiError.invalid("parameter_invalid", pm.path("payment_method_configuration"),
            "Payment method configurations are not supported: the portal offers the payment method types the payment provider"
                + " supports for the customer's currency and country. Omit payment_method_configuration.");
      }
      paymentMethods = new PaymentMethodUpdate(enabled, null);
    }
    SubscriptionCancel cancel = base.subscriptionCancel();
    Params sc = f.object("subscription_cancel");
    if (sc != null) cancel = subscriptionCancel(sc, cancel, creating);
    SubscriptionUpdate update = base.subscriptionUpdate();
    Params su = f.object("subscription_update");
    if (su != null) update = subscriptionUpdate(su, update, creating);
    return new Features(customerUpdate, invoices, paymentMethods, cancel, update);
  }

  private static SubscriptionCancel subscriptionCancel(Params sc, SubscriptionCancel base, boolean creating) {
    boolean enabled = flag(sc, creating, base.enabled());
    String mode = orElse(sc.oneOf("mode", PortalConfiguration.CANCEL_MODES), base.mode());
    String proration = orElse(sc.oneOf("proration_behavior", PortalConfiguration.PRORATION_BEHAVIORS), base.prorationBehavior());
    CancellationReason reason = base.cancellationReason();
    Params cr = sc.object("cancellation_reason");
    if (cr != null) {
      boolean reasonEnabled = cr.requiredBool("enabled");
      List<String> options;
      if (cr.has("options")) options = cr.enumList("options", PortalConfiguration.CANCELLATION_REASONS);
      else if (creating) throw ApiError.missing(cr.path("options"));
      else options = reason.options();
      reason = new CancellationReason(reasonEnabled, options);
    }
    return new SubscriptionCancel(reason, enabled, mode, proration);
  }

  private static SubscriptionUpdate subscriptionUpdate(Params su, SubscriptionUpdate base, boolean creating) {
    boolean enabled = flag(su, creating, base.enabled());
    String anchor = su.has("billing_cycle_anchor") ? su.oneOf("billing_cycle_anchor", PortalConfiguration.BILLING_CYCLE_ANCHORS)
        : base.billingCycleAnchor();
    List<String> allowed = su.has("default_allowed_updates") ? su.enumList("default_allowed_updates", PortalConfiguration.UPDATE_KINDS)
        : base.defaultAllowedUpdates();
    List<Product> products = base.products();
    if (su.has("products")) {
      List<Params> list = su.objectList("products");
      products = new ArrayList<>();
      for (Params item : list) products.add(product(item));
    }
    String proration = orElse(su.oneOf("proration_behavior", PortalConfiguration.PRORATION_BEHAVIORS), base.prorationBehavior());
    ScheduleAtPeriodEnd schedule = base.scheduleAtPeriodEnd();
    Params sape = su.object("schedule_at_period_end");
    if (sape != null && sape.has("conditions")) {
      List<Condition> conditions = new ArrayList<>();
      for (Params cond : sape.objectList("conditions")) {
        String type = cond.oneOf("type", PortalConfiguration.SCHEDULE_CONDITIONS);
        if (type == null) throw ApiError.missing(cond.path("type"));
        conditions.add(new Condition(type));
      }
      schedule = new ScheduleAtPeriodEnd(conditions);
    }
    String trial = orElse(su.oneOf("trial_update_behavior", PortalConfiguration.TRIAL_UPDATE_BEHAVIORS), base.trialUpdateBehavior());
    return new SubscriptionUpdate(anchor, allowed, enabled, products, proration, schedule, trial);
  }

  private static Product product(Params item) {
    String product = Checks.id(item.path("product"), item.requiredString("product", 5000), "prod");
    List<String> prices = item.stringList("prices", 5000);
    if (prices == null) throw ApiError.missing(item.path("prices"));
    for (int i = 0; i < prices.size(); i++) Checks.id(item.path("prices") + "[" + i + "]", prices.get(i), "price");
    AdjustableQuantity quantity = new AdjustableQuantity(false, null, 1);
    Params aq = item.object("adjustable_quantity");
    if (aq != null) {
      boolean enabled = aq.requiredBool("enabled");
      Long min = aq.integer("minimum", 0, Integer.MAX_VALUE);
      Long max = aq.integer("maximum", 0, Integer.MAX_VALUE);
      quantity = new AdjustableQuantity(enabled, max, min == null ? 1 : min);
    }
    return new Product(quantity, prices, product);
  }

  /** {@code enabled}: required when creating a feature, optional when updating it. */
  private static boolean flag(Params p, boolean creating, boolean current) {
    if (creating) return p.requiredBool("enabled");
    Boolean b = p.bool("enabled");
    return b == null ? current : b;
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
