package io.portico.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portico.api.ApiResponse;
import io.portico.domain.Coupon;
import io.portico.domain.Discount;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.Product;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.portal.CancellationReasons;
import io.portico.domain.portal.Reason;
import io.portico.domain.portal.RetentionOffer;
import io.portico.domain.portal.SubscriptionActions;
import io.portico.domain.portal.Verdict;
import io.portico.error.ApiError;
import io.portico.service.SubscriptionService;
import io.portico.store.CouponRepository;
import io.portico.store.DiscountRepository;
import io.portico.store.ProductRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cancelling in the portal (seed 002, "Kündigungsseite zum Kundenportal hinzufügen"): what a
 * cancellation means for a subscription ({@code GET …/cancel_options}), the cancellation itself
 * per the configuration's {@code subscription_cancel.mode}, the reason survey (with the
 * cancellation, or after it), the retention coupon a {@code subscription_cancel} flow offers, and
 * renewing a subscription set to end at period end. Every change goes through
 * {@link SubscriptionService} as the merchant API's would, with the customer portal as the actor.
 */
@Singleton
public class PortalCancellation {
  static final String CANCEL_FLOW = "subscription_cancel";
  private static final String UPDATE_ROUTE = "POST /v1/subscriptions/{subscription}";
  private static final String CANCEL_ROUTE = "DELETE /v1/subscriptions/{subscription}";
  private static final int MAX_TEXT = 5000;

  private final SubscriptionRepository subscriptionObjects;
  private final SubscriptionService subscriptions;
  private final CouponRepository coupons;
  private final DiscountRepository discounts;
  private final ProductRepository products;

  public PortalCancellation(SubscriptionRepository subscriptionObjects, SubscriptionService subscriptions, CouponRepository coupons,
      DiscountRepository discounts, ProductRepository products) {
    this.subscriptionObjects = subscriptionObjects;
    this.subscriptions = subscriptions;
    this.coupons = coupons;
    this.discounts = discounts;
    this.products = products;
  }

  // ---- GET /p/api/subscriptions/{subscription}/cancel_options ------------------------------------

  /** What cancelling would do, before the customer confirms: when access ends, what they lose, the survey and any retention offer. */
  public ApiResponse options(PortalRequest req) {
    PortalConfiguration.SubscriptionCancel cancel = req.features().subscriptionCancel();
    req.require(cancel.enabled(), "subscription_cancel");
    req.params().rejectUnknown();
    Subscription s = owned(req).value();
    long now = now(req, s);
    SubscriptionActions actions = actions(req, s, now);
    boolean immediately = "immediately".equals(cancel.mode());
    long periodEnd = periodEnd(s);
    List<Loss> losing = new ArrayList<>();
    for (SubscriptionItem i : s.items().data()) {
      Versioned<Product> p = products.find(req.context().scope(), i.price().productId());
      losing.add(new Loss(i.price().productId(), p == null ? null : p.value().name(), i.price().id(), i.quantity(), i.price().unitAmount(),
          i.price().currency(), i.price().recurring() == null ? null : i.price().recurring().interval(),
          i.price().recurring() == null ? null : i.price().recurring().intervalCount()));
    }
    return ApiResponse.ok(new CancelOptions(s.id(), actions.canCancel(), actions.cancelRefusal().orElse(null), cancel.mode(),
        immediately ? cancel.prorationBehavior() : null, immediately ? now : periodEnd, periodEnd, losing, survey(cancel),
        retention(req, s, now)));
  }

  // ---- POST /p/api/subscriptions/{subscription}/cancel -------------------------------------------

  /**
   * Cancels at period end ({@code cancel_at_period_end}) or now, per the configuration. An
   * immediate cancellation with {@code create_prorations} or {@code always_invoice} credits the
   * unused time on a final invoice (the credit goes to the customer's balance for their next
   * invoice); with {@code none} nothing is credited. A {@code reason} (and, for {@code other}, a
   * {@code comment}) may come along; otherwise the survey can be answered afterwards.
   */
  public ApiResponse cancel(PortalRequest req) {
    PortalConfiguration.SubscriptionCancel cancel = req.features().subscriptionCancel();
    req.require(cancel.enabled(), "subscription_cancel");
    Params p = req.params();
    String reason = blankToNull(p.string("reason", MAX_TEXT));
    String comment = blankToNull(p.string("comment", MAX_TEXT));
    p.rejectUnknown();
    Versioned<Subscription> found = owned(req);
    Subscription s = found.value();
    SubscriptionActions actions = actions(req, s, now(req, s));
    if (!actions.canCancel()) throw refused(actions.cancelRefusal().orElse(Reason.CANCEL_DISABLED), null);
    checkReason(req, reason, comment);
    Subscription after;
    if ("immediately".equals(cancel.mode())) {
      boolean prorate = !"none".equals(cancel.prorationBehavior());
      Params form = PortalRequest.form("prorate", prorate, "invoice_now", prorate, "cancellation_details[feedback]", reason,
          "cancellation_details[comment]", comment);
      after = (Subscription) subscriptions.cancel(req.merchantRequest(CANCEL_ROUTE, form), s.id()).body();
    } else {
      Params form = PortalRequest.form("cancel_at_period_end", true, "cancellation_details[feedback]", reason,
          "cancellation_details[comment]", comment);
      after = (Subscription) subscriptions.update(req.merchantRequest(UPDATE_ROUTE, form), s.id()).body();
    }
    boolean surveyOpen = reason == null && reasonsEnabled(cancel);
    return ApiResponse.ok(new ActionResult("cancel", after, accessEndsAt(after), surveyOpen ? survey(cancel) : null,
        req.completes(CANCEL_FLOW, s.id())));
  }

  // ---- POST /p/api/subscriptions/{subscription}/cancellation_reason ------------------------------

  /**
   * The survey answered after cancelling (Stripe's portal asks once the subscription is cancelled):
   * on a subscription the customer cancelled, set to end or already ended. While it is set to end
   * the answer may change; once it has ended the reason is recorded once (nobody rewrites the
   * merchant's record later from a new session).
   */
  public ApiResponse reason(PortalRequest req) {
    PortalConfiguration.SubscriptionCancel cancel = req.features().subscriptionCancel();
    req.require(cancel.enabled(), "subscription_cancel");
    req.require(reasonsEnabled(cancel), "subscription_cancel][cancellation_reason");
    Params p = req.params();
    String reason = blankToNull(p.string("reason", MAX_TEXT));
    String comment = blankToNull(p.string("comment", MAX_TEXT));
    p.rejectUnknown();
    Subscription s = owned(req).value();
    Subscription.CancellationDetails details = s.cancellationDetails() == null ? Subscription.CancellationDetails.NONE : s.cancellationDetails();
    if (s.canceledAt() == null || !"cancellation_requested".equals(details.reason())) throw refused(Reason.NOT_CANCELLED, null);
    boolean ended = s.status().equals("canceled") || s.status().equals("incomplete_expired");
    if (ended && details.feedback() != null) throw refused(Reason.CANCELLATION_REASON_RECORDED, null);
    if (reason == null && comment == null) throw ApiError.missing("reason");
    checkReason(req, reason, comment);
    // The comment belongs to "other": choosing another reason clears an earlier one.
    Params form = PortalRequest.form("cancellation_details[feedback]", reason, "cancellation_details[comment]", comment == null ? "" : comment);
    Subscription after = (Subscription) subscriptions.update(req.merchantRequest(UPDATE_ROUTE, form), s.id()).body();
    return ApiResponse.ok(new ActionResult("cancellation_reason", after, accessEndsAt(after), null, req.completes(CANCEL_FLOW, s.id())));
  }

  // ---- POST /p/api/subscriptions/{subscription}/retention/accept ---------------------------------

  /**
   * Accepts the session flow's retention coupon: the coupon becomes one more discount of the
   * subscription (those it has stay), and nothing is cancelled. Declining is cancelling.
   */
  public ApiResponse acceptRetention(PortalRequest req) {
    req.require(req.features().subscriptionCancel().enabled(), "subscription_cancel");
    req.params().rejectUnknown();
    Subscription s = owned(req).value();
    String couponId = offeredCoupon(req, s.id());
    if (couponId == null) throw refused(Reason.NO_RETENTION_OFFER, null);
    long now = now(req, s);
    SubscriptionActions actions = actions(req, s, now);
    Offer offer = offer(req, s, couponId, now);
    if (!offer.verdict().allowed()) throw refused(offer.verdict().refusal().get(), null);
    if (!actions.canCancel()) throw refused(actions.cancelRefusal().orElse(Reason.CANCEL_DISABLED), null);
    List<Object> form = new ArrayList<>();
    int i = 0;
    for (String existing : s.discounts()) {
      form.add("discounts[" + i++ + "][discount]");
      form.add(existing);
    }
    form.add("discounts[" + i + "][coupon]");
    form.add(couponId);
    Subscription after;
    try {
      after = (Subscription) subscriptions.update(req.merchantRequest(UPDATE_ROUTE, PortalRequest.form(form.toArray())), s.id()).body();
    } catch (ApiError e) {
      // Redeemed to its limit or deleted between the check and the change: the same answer as before it.
      if (e.status() == 400 && e.param() != null && e.param().startsWith("discounts[")) throw refused(Reason.RETENTION_OFFER_UNAVAILABLE, null);
      throw e;
    }
    return ApiResponse.ok(new ActionResult("retention_accept", after, null, null, req.completes(CANCEL_FLOW, s.id())));
  }

  // ---- POST /p/api/subscriptions/{subscription}/renew --------------------------------------------

  /** Withdraws a pending cancellation while the paid period lasts (seed 000: "bis zum Ende des Abrechnungszeitraums verlängern"). */
  public ApiResponse renew(PortalRequest req) {
    req.params().rejectUnknown();
    Subscription s = owned(req).value();
    SubscriptionActions actions = actions(req, s, now(req, s));
    if (!actions.canRenew()) throw refused(actions.renewRefusal().orElse(Reason.NOT_CANCELLING), null);
    // A cancellation at period end is withdrawn with cancel_at_period_end=false; one the merchant dated (cancel_at) by unsetting it.
    Params form = s.cancelAtPeriodEnd() ? PortalRequest.form("cancel_at_period_end", false) : PortalRequest.form("cancel_at", "");
    Subscription after = (Subscription) subscriptions.update(req.merchantRequest(UPDATE_ROUTE, form), s.id()).body();
    return ApiResponse.ok(new ActionResult("renew", after, null, null, null));
  }

  // ---- shared ----------------------------------------------------------------------------------

  /** The subscription named in the path, if it is the session customer's; 404 otherwise, exactly as for an unknown id. */
  Versioned<Subscription> owned(PortalRequest req) {
    String id = req.pathParameter("subscription");
    Versioned<Subscription> found = id == null ? null : subscriptionObjects.find(req.context().scope(), id);
    if (found == null || found.deleted() || !req.customerId().equals(found.value().customerId())) {
      throw ApiError.noSuch("subscription", id, null);
    }
    return found;
  }

  /** The subscription's own time (its test clock's, in test mode), in seconds. */
  long now(PortalRequest req, Subscription s) {
    return subscriptions.timeOf(req.context(), s.testClock()).now().getEpochSecond();
  }

  /** Cancelling and renewing depend on neither the payment method nor a schedule; only updates do. */
  private static SubscriptionActions actions(PortalRequest req, Subscription s, long now) {
    return SubscriptionActions.of(s, req.configuration(), Optional.empty(), s.schedule() != null, now);
  }

  /** The coupon the session's cancel flow offers for {@code subscriptionId}; null when it offers none for it. */
  static String offeredCoupon(PortalRequest req, String subscriptionId) {
    PortalSession.Flow flow = req.session().flow();
    if (flow == null || !CANCEL_FLOW.equals(flow.type()) || flow.subscriptionCancel() == null) return null;
    PortalSession.SubscriptionCancel sc = flow.subscriptionCancel();
    if (!subscriptionId.equals(sc.subscription()) || sc.retention() == null || sc.retention().couponOffer() == null) return null;
    return sc.retention().couponOffer().coupon();
  }

  /** The flow's retention offer for {@code s} as the customer sees it (null when the flow offers none). */
  RetentionView retention(PortalRequest req, Subscription s, long now) {
    String couponId = offeredCoupon(req, s.id());
    if (couponId == null) return null;
    Offer offer = offer(req, s, couponId, now);
    Coupon c = offer.coupon();
    return new RetentionView("coupon_offer", offer.verdict().allowed(), offer.verdict().refusal().orElse(null),
        c == null ? null : new CouponView(c.id(), c.name(), c.percentOff(), c.amountOff(), c.currency(), c.duration(), c.durationInMonths()));
  }

  private record Offer(Coupon coupon, Verdict verdict) {}

  private Offer offer(PortalRequest req, Subscription s, String couponId, long now) {
    Versioned<Coupon> found = coupons.find(req.context().scope(), couponId);
    Set<String> applied = new java.util.HashSet<>();
    for (String id : s.discounts()) {
      Versioned<Discount> d = discounts.find(req.context().scope(), id);
      if (d != null && !d.deleted()) applied.add(d.value().coupon().id());
    }
    Set<String> billed = new java.util.HashSet<>();
    s.items().data().forEach(i -> billed.add(i.price().productId()));
    Coupon coupon = found == null ? null : found.value().asOf(now, found.deleted());
    return new Offer(coupon, RetentionOffer.check(coupon, found != null && found.deleted(), applied, billed, s.currency(), now));
  }

  private static void checkReason(PortalRequest req, String reason, String comment) {
    Verdict v = CancellationReasons.check(req.configuration(), reason, comment);
    if (!v.allowed()) {
      Reason why = v.refusal().get();
      throw refused(why, why.code().startsWith("comment") ? "comment" : "reason");
    }
  }

  private static boolean reasonsEnabled(PortalConfiguration.SubscriptionCancel cancel) {
    return cancel.cancellationReason() != null && cancel.cancellationReason().enabled();
  }

  /** The reasons the merchant asks about, with their sentences; null when the survey is off. */
  private static Survey survey(PortalConfiguration.SubscriptionCancel cancel) {
    if (!reasonsEnabled(cancel)) return null;
    List<Option> options = new ArrayList<>();
    for (String code : cancel.cancellationReason().options()) options.add(new Option(code, CancellationReasons.LABELS.get(code)));
    return new Survey(options, CancellationReasons.OTHER, CancellationReasons.MAX_COMMENT);
  }

  static ApiError refused(Reason why, String param) {
    return new ApiError(400, ApiError.INVALID_REQUEST, why.code(), param, why.message());
  }

  static long periodEnd(Subscription s) {
    return s.items().data().stream().mapToLong(SubscriptionItem::currentPeriodEnd).max().orElse(0);
  }

  /** When the customer loses access: now for an ended subscription, the cancellation date for one set to end; null otherwise. */
  private static Long accessEndsAt(Subscription s) {
    if (s.endedAt() != null) return s.endedAt();
    return s.cancelAt();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  // ---- answers ---------------------------------------------------------------------------------

  /**
   * @param allowed whether the customer may cancel now; {@code reason} says why not
   * @param prorationBehavior for an immediate cancellation: whether the unused time is credited
   * @param accessEndsAt when the customer loses what they pay for: the end of the current period, or now
   * @param survey the reasons to choose from after cancelling; null when the merchant does not ask
   * @param retention the session flow's coupon offer, null when there is none
   */
  public record CancelOptions(String subscription, boolean allowed, Reason reason, String mode, String prorationBehavior, long accessEndsAt,
      long currentPeriodEnd, List<Loss> losing, Survey survey, RetentionView retention) {
    @JsonProperty("object")
    public String object() { return "billing_portal.cancel_options"; }
  }

  /** One thing the customer stops paying for (and stops getting). */
  public record Loss(String product, String productName, String price, long quantity, Long unitAmount, String currency, String interval,
      Long intervalCount) {}

  /** @param commentWith the one option that takes free text, up to {@code maxCommentLength} characters */
  public record Survey(List<Option> options, String commentWith, int maxCommentLength) {}

  public record Option(String code, String label) {}

  /** @param available whether it can be accepted now; {@code reason} says why not */
  public record RetentionView(String type, boolean available, Reason reason, CouponView coupon) {}

  public record CouponView(String id, String name, BigDecimal percentOff, Long amountOff, String currency, String duration,
      Long durationInMonths) {}

  /**
   * What a change did: the subscription as the merchant now sees it and, when the change completes
   * the session's flow, where the customer goes ({@code after_completion}).
   *
   * @param action {@code cancel}, {@code cancellation_reason}, {@code retention_accept} or {@code renew}
   * @param accessEndsAt when the customer loses access, for a subscription cancelled or set to end
   * @param survey after a cancellation without a reason: the survey the page may show before following after_completion
   */
  public record ActionResult(String action, Subscription subscription, Long accessEndsAt, Survey survey,
      PortalSession.AfterCompletion afterCompletion) {
    @JsonProperty("object")
    public String object() { return "billing_portal.subscription_action"; }
  }
}
