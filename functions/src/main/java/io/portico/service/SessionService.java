package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.IdempotentAnswer;
import io.portico.domain.Customer;
import io.portico.domain.Ids;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.PortalSession.AfterCompletion;
import io.portico.domain.PortalSession.Flow;
import io.portico.domain.SessionLifetime;
import io.portico.error.ApiError;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.CustomerRepository;
import io.portico.store.SessionRepository;
import io.portico.store.Versioned;
import io.portico.store.Write;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** {@code POST /v1/billing_portal/sessions}: a short-lived link into the hosted portal for one customer. */
@Singleton
public class SessionService {
  /** Where a session link points, below the public base URL. */
  public static final String LINK_PATH = "/p/session/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CustomerRepository customers;
  private final ConfigurationService configurations;
  private final SessionRepository sessions;

  public SessionService(CustomerRepository customers, ConfigurationService configurations, SessionRepository sessions) {
    this.customers = customers;
    this.configurations = configurations;
    this.sessions = sessions;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    // flow is listed as expandable by Stripe but is always included; configuration expands to the object.
    boolean expandConfiguration = Expansion.only(req, "", List.of("configuration", "flow")).contains("configuration");
    if (p.has("customer_account")) {
      p.string("customer_account");
      throw ApiError.invalid("parameter_invalid", "customer_account",
          "customer_account (Accounts v2) is not supported: create the session with customer=cus_… instead.");
    }
    String customerId = p.requiredString("customer", 5000);
    String configurationId = p.nonEmptyString("configuration", 5000);
    String returnUrl = Checks.url("return_url", p.nonEmptyString("return_url", 5000));
    String locale = p.oneOf("locale", PortalSession.LOCALES);
    String onBehalfOf = Checks.id("on_behalf_of", p.nonEmptyString("on_behalf_of", 5000), "acct");
    Params flowParams = p.object("flow_data");
    Flow flow = flowParams == null ? null : flow(flowParams);
    p.rejectUnknown();

    // One round trip when warm: the customer is not read but checked in the session's transaction, and the
    // configuration comes from memory, checked there too (see ConfigurationService.forNewSession).
    for (int attempt = 1; ; attempt++) {
      ConfigurationService.Chosen chosen;
      try {
        // a refused session must not leave a first default configuration behind
        chosen = configurations.forNewSession(ctx, configurationId, c -> {
          if (flow != null) requireFeatureFor(flow, c);
        }, () -> requireCustomer(ctx, customerId));
      } catch (ApiError e) {
        requireCustomer(ctx, customerId); // an unknown customer is reported first, as it always was
        throw e;
      }
      PortalConfiguration configuration = chosen.configuration();
      String token = newToken();
      PortalSession session = new PortalSession(Ids.newId("bps"), configuration.id(), ctx.now().getEpochSecond(), customerId, null, flow,
          ctx.scope().livemode(), locale, onBehalfOf, returnUrl != null ? returnUrl : configuration.defaultReturnUrl(), null);
      PortalSession withUrl = session.withUrl(ctx.baseUrl() + LINK_PATH + token);
      ApiResponse answer = ApiResponse.ok(expandConfiguration ? withUrl.withConfiguration(configuration) : withUrl);
      List<Write> conditions = new ArrayList<>();
      conditions.add(customers.exists(ctx.scope(), customerId));
      conditions.addAll(chosen.stillCurrent());
      // The Idempotency-Key's answer (sealed) is recorded by this same transaction: no claim before, no write after.
      if (req.idempotency() != null) conditions.add(req.idempotency().record(answer));
      try {
        // The stored copy (and its event) carry no url: the link token exists only in this response.
        sessions.insert(new SessionRepository.StoredSession(SecretKeys.sha256(token), ctx.scope(), session,
            SessionLifetime.startingAt(ctx.now()), null), ctx.event("billing_portal.session.created", session, null), conditions);
      } catch (ConcurrentUpdateException e) {
        if (req.idempotency() != null && e.failedAt(conditions.size() - 1)) throw new IdempotentAnswer.Taken();
        if (e.failedAt(0)) requireCustomer(ctx, customerId);
        configurations.forget(ctx, configurationId); // changed since remembered: choose again
        if (attempt == 3) throw e;
        continue;
      }
      return answer;
    }
  }

  /** Throws Stripe's error for an unknown (or deleted) customer. */
  private void requireCustomer(RequestContext ctx, String customerId) {
    Versioned<Customer> customer = customers.find(ctx.scope(), customerId);
    if (customer == null || customer.deleted()) throw ApiError.noSuch("customer", customerId, "customer").asBadRequest();
  }

  /** 256 random bits, URL-safe. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Flow flow(Params f) {
    String type = f.oneOf("type", PortalSession.FLOW_TYPES);
    if (type == null) throw ApiError.missing(f.path("type"));
    for (String other : List.of("subscription_cancel", "subscription_update", "subscription_update_confirm")) {
      if (f.has(other) && !other.equals(type)) {
        f.accept(other);
        throw ApiError.invalid("parameter_invalid", f.path(other),
            f.path(other) + " can only be set when flow_data[type] is " + other + " (it is " + type + ").");
      }
    }
    AfterCompletion after = afterCompletion(f.object("after_completion"));
    PortalSession.SubscriptionCancel cancel = null;
    PortalSession.SubscriptionUpdate update = null;
    PortalSession.SubscriptionUpdateConfirm confirm = null;
    switch (type) {
      case "subscription_cancel" -> {
        Params sc = f.requiredObject("subscription_cancel");
        String sub = Checks.id(sc.path("subscription"), sc.requiredString("subscription", 5000), "sub");
        PortalSession.Retention retention = null;
        Params r = sc.object("retention");
        if (r != null) {
          String rType = r.oneOf("type", List.of("coupon_offer"));
          if (rType == null) throw ApiError.missing(r.path("type"));
          String coupon = r.requiredObject("coupon_offer").requiredString("coupon", 5000);
          retention = new PortalSession.Retention(new PortalSession.CouponOffer(coupon), rType);
        }
        cancel = new PortalSession.SubscriptionCancel(retention, sub);
      }
      case "subscription_update" -> {
        Params su = f.requiredObject("subscription_update");
        update = new PortalSession.SubscriptionUpdate(Checks.id(su.path("subscription"), su.requiredString("subscription", 5000), "sub"));
      }
      case "subscription_update_confirm" -> confirm = updateConfirm(f.requiredObject("subscription_update_confirm"));
      default -> { } // payment_method_update has no parameters of its own
    }
    return new Flow(after, cancel, update, confirm, type);
  }

  private static PortalSession.SubscriptionUpdateConfirm updateConfirm(Params c) {
    String sub = Checks.id(c.path("subscription"), c.requiredString("subscription", 5000), "sub");
    List<Params> itemParams = c.objectList("items");
    if (itemParams == null) throw ApiError.missing(c.path("items"));
    if (itemParams.isEmpty()) throw ApiError.invalid("parameter_invalid_empty", c.path("items"), "List at least one item to update.");
    List<PortalSession.Item> items = new ArrayList<>();
    for (Params i : itemParams) {
      String id = Checks.id(i.path("id"), i.requiredString("id", 5000), "si");
      String price = Checks.id(i.path("price"), i.nonEmptyString("price", 5000), "price");
      Long quantity = i.integer("quantity", 0, 1_000_000);
      items.add(new PortalSession.Item(id, price, quantity));
    }
    List<PortalSession.Discount> discounts = null;
    List<Params> discountParams = c.objectList("discounts");
    if (discountParams != null) {
      discounts = new ArrayList<>();
      for (Params d : discountParams) {
        String coupon = d.nonEmptyString("coupon", 5000);
        String promo = Checks.id(d.path("promotion_code"), d.nonEmptyString("promotion_code", 5000), "promo");
        if ((coupon == null) == (promo == null)) {
          throw ApiError.invalid("parameter_invalid", d.prefix(), "Each discount takes exactly one of coupon or promotion_code.");
        }
        discounts.add(new PortalSession.Discount(coupon, promo));
      }
    }
    return new PortalSession.SubscriptionUpdateConfirm(discounts, items, sub);
  }

  private static AfterCompletion afterCompletion(Params a) {
    if (a == null) return new AfterCompletion(null, null, "portal_homepage");
    String type = a.oneOf("type", PortalSession.AFTER_COMPLETION_TYPES);
    if (type == null) throw ApiError.missing(a.path("type"));
    for (String other : List.of("hosted_confirmation", "redirect")) {
      if (a.has(other) && !other.equals(type)) {
        a.accept(other);
        throw ApiError.invalid("parameter_invalid", a.path(other),
            a.path(other) + " can only be set when " + a.path("type") + " is " + other + " (it is " + type + ").");
      }
    }
    PortalSession.HostedConfirmation hosted = null;
    PortalSession.Redirect redirect = null;
    if (type.equals("hosted_confirmation")) {
      Params h = a.object("hosted_confirmation");
      hosted = new PortalSession.HostedConfirmation(h == null ? null : h.string("custom_message", 500));
    } else if (type.equals("redirect")) {
      Params r = a.requiredObject("redirect");
      redirect = new PortalSession.Redirect(Checks.url(r.path("return_url"), r.requiredString("return_url", 5000)));
    }
    return new AfterCompletion(hosted, redirect, type);
  }

  /** A deep link into a feature the configuration turns off would strand the customer: refuse it up front. */
  private static void requireFeatureFor(Flow flow, PortalConfiguration c) {
    PortalConfiguration.Features f = c.features();
    boolean enabled = switch (flow.type()) {
      case "payment_method_update" -> f.paymentMethodUpdate().enabled();
      case "subscription_cancel" -> f.subscriptionCancel().enabled();
      default -> f.subscriptionUpdate().enabled();
    };
    if (!enabled) {
      String feature = switch (flow.type()) {
        case "payment_method_update" -> "payment_method_update";
        case "subscription_cancel" -> "subscription_cancel";
        default -> "subscription_update";
      };
      throw ApiError.invalid("flow_feature_disabled", "flow_data[type]", "The " + flow.type() + " flow needs features[" + feature
          + "][enabled]=true in configuration " + c.id() + ".");
    }
  }
}
