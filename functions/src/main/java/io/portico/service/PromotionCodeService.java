package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.Coupon;
import io.portico.domain.Customer;
import io.portico.domain.Ids;
import io.portico.domain.PromotionCode;
import io.portico.domain.Redemptions;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.CouponRepository;
import io.portico.store.CustomerRepository;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.PromotionCodeRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /v1/promotion_codes}: Stripe's promotion code endpoints, and the check a discount makes
 * before a customer's code is used ({@link #redeemable}, {@link #stageRedemption}).
 */
@Singleton
public class PromotionCodeService {
  private static final List<String> EXPANDABLE = List.of("promotion.coupon", "customer");
  /** Tries at generating a free code before giving up (8 random characters: a clash is already rare). */
  private static final int GENERATED_CODE_ATTEMPTS = 3;

  private final PromotionCodeRepository promotionCodes;
  private final CouponRepository coupons;
  private final CustomerRepository customers;

  public PromotionCodeService(PromotionCodeRepository promotionCodes, CouponRepository coupons, CustomerRepository customers) {
    this.promotionCodes = promotionCodes;
    this.coupons = coupons;
    this.customers = customers;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    long now = ctx.now().getEpochSecond();
    if (p.has("coupon")) {
      throw ApiError.invalid("parameter_unknown", "coupon", "Received unknown parameter: coupon. In this API version a promotion code names"
          + " its coupon as promotion[type]=coupon and promotion[coupon]=<coupon id>.");
    }
    Params promotion = p.requiredObject("promotion");
    if (promotion.oneOf("type", List.of("coupon")) == null) throw ApiError.missing(promotion.path("type"));
    String couponId = promotion.requiredString("coupon", 5000);
    String code = Checks.slug("code", p.nonEmptyString("code", 500));
    Boolean active = p.bool("active");
    String customerId = p.nonEmptyString("customer", 5000);
    Long expiresAt = p.integer("expires_at");
    if (expiresAt != null && expiresAt <= now) {
      throw ApiError.invalid("parameter_invalid", "expires_at", "expires_at must be in the future (got " + expiresAt + ", it is now " + now + ").");
    }
    Long maxRedemptions = p.integer("max_redemptions", 1, Long.MAX_VALUE);
    PromotionCode.Restrictions restrictions = restrictions(p.object("restrictions"));
    Map<String, String> metadata = Checks.metadata(p, Map.of());
    p.rejectUnknown();

    Versioned<Coupon> coupon = coupons.find(ctx.scope(), couponId);
    if (coupon == null || coupon.deleted()) throw ApiError.noSuch(Coupon.OBJECT, couponId, promotion.path("coupon")).asBadRequest();
    Redemptions.coupon(coupon.value(), false, now, null).ifPresent(refusal -> {
      throw ApiError.invalid(refusal.code(), promotion.path("coupon"), refusal.message());
    });
    if (customerId != null) {
      Versioned<Customer> customer = customers.find(ctx.scope(), customerId);
      if (customer == null || customer.deleted()) throw ApiError.noSuch(Customer.OBJECT, customerId, "customer").asBadRequest();
    }
    boolean isActive = active == null || active;
    if (code != null && isActive) requireFree(ctx, code, null);
    for (int attempt = 1; ; attempt++) {
      PromotionCode promo = new PromotionCode(Ids.newId("promo"), isActive, code != null ? code : Ids.random(8).toUpperCase(Locale.ROOT), now,
          customerId, null, expiresAt, ctx.scope().livemode(), maxRedemptions, metadata, PromotionCode.Promotion.coupon(couponId),
          restrictions, 0);
      try {
        promotionCodes.insert(ctx.scope(), promo, ctx.now().toEpochMilli(), ctx.event("promotion_code.created", promo, null));
        return ApiResponse.ok(served(ctx, promo, expand));
      } catch (ConcurrentUpdateException taken) {
        // Only the code can clash (the id is new): a chosen code was taken meanwhile, a generated one is drawn again.
        if (code != null || attempt == GENERATED_CODE_ATTEMPTS) throw codeTaken(promo.code());
      }
    }
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    req.params().rejectUnknown();
    return ApiResponse.ok(served(req.context(), find(req, id).value(), expand));
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    PromotionCode updated = Checks.retryingConflicts(() -> {
      Params p = req.params();
      Versioned<PromotionCode> current = find(req, id);
      PromotionCode c = current.value();
      Boolean active = p.bool("active");
      Map<String, String> metadata = Checks.metadata(p, c.metadata());
      PromotionCode.Restrictions restrictions = c.restrictions();
      Params r = p.object("restrictions");
      if (r != null) restrictions = withCurrencyOptions(restrictions, r);
      p.rejectUnknown();
      PromotionCode next = c.with(active == null ? c.active() : active, metadata, restrictions);
      if (next.equals(c)) return c;
      boolean reactivating = next.active() && !c.active();
      if (reactivating) requireFree(ctx, c.code(), c.id());
      try {
        promotionCodes.replace(ctx.scope(), current, next, ctx.event("promotion_code.updated", next, c));
      } catch (ConcurrentUpdateException e) {
        if (reactivating) requireFree(ctx, c.code(), c.id()); // another code took it meanwhile: say so; else re-read and retry
        throw e;
      }
      return next;
    });
    return ApiResponse.ok(served(ctx, updated, expand));
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    List<String> expand = Expansion.only(req, "data.", EXPANDABLE);
    Boolean active = p.bool("active");
    String code = p.nonEmptyString("code", 500);
    String coupon = p.nonEmptyString("coupon", 5000);
    String customer = p.nonEmptyString("customer", 5000);
    var created = req.created();
    ListRequest page = req.listRequest();
    p.rejectUnknown();
    RequestContext ctx = req.context();
    ListPage<PromotionCode> result = promotionCodes.list(ctx.scope(), code, active, coupon, customer, created, page);
    List<PromotionCode> data = result.data().stream().map(promo -> served(ctx, promo, expand)).toList();
    return ApiResponse.ok(new ListObject(data, result.hasMore(), "/v1/promotion_codes"));
  }

  /**
   * The promotion code a customer typed ({@code code}, any case), with its coupon expanded, if
   * {@code customerId} may redeem it now on {@code amount} of {@code currency};
   * {@code firstTimeTransaction} says whether that customer has never paid before. Otherwise
   * Stripe's error saying why, naming {@code param}.
   */
  public PromotionCode redeemable(RequestContext ctx, String code, String customerId, long amount, String currency,
      boolean firstTimeTransaction, String param) {
    Checked c = checked(ctx, code, customerId, amount, currency, firstTimeTransaction, param);
    return c.promotionCode().value().expanded(CouponService.served(ctx, c.coupon()), c.promotionCode().value().customer());
  }

  /**
   * Checks as {@link #redeemable} does and stages the redemption of the code and of its coupon
   * ({@code times_redeemed + 1} on each) into {@code changes}; on a failed commit, re-run from the
   * read (see {@link CouponService#stageRedemption}).
   */
  public PromotionCode stageRedemption(RequestContext ctx, Changes changes, String code, String customerId, long amount, String currency,
      boolean firstTimeTransaction, String param) {
    return staged(ctx, changes, checked(ctx, code, customerId, amount, currency, firstTimeTransaction, param));
  }

  /**
   * As {@link #stageRedemption}, for the promotion code with the id {@code promotionCodeId} (an API
   * caller names codes by id, as in a subscription's {@code discounts[][promotion_code]}).
   */
  public PromotionCode stageRedemptionById(RequestContext ctx, Changes changes, String promotionCodeId, String customerId, long amount,
      String currency, boolean firstTimeTransaction, String param) {
    Versioned<PromotionCode> promo = promotionCodes.find(ctx.scope(), promotionCodeId);
    if (promo == null) throw ApiError.noSuch(PromotionCode.OBJECT, promotionCodeId, param).asBadRequest();
    return staged(ctx, changes, checked(ctx, promo, customerId, amount, currency, firstTimeTransaction, param));
  }

  /** Stages {@code times_redeemed + 1} on a checked code and its coupon; returns the code as redeemed, its coupon expanded. */
  private PromotionCode staged(RequestContext ctx, Changes changes, Checked c) {
    promotionCodes.stageRedemption(changes, ctx.scope(), c.promotionCode());
    coupons.stageRedemption(changes, ctx.scope(), c.coupon());
    Coupon coupon = c.coupon().value().redeemedOnceMore().asOf(ctx.now().getEpochSecond(), false);
    PromotionCode promo = c.promotionCode().value().redeemedOnceMore();
    return promo.expanded(coupon, promo.customer());
  }

  private record Checked(Versioned<PromotionCode> promotionCode, Versioned<Coupon> coupon) {}

  private Checked checked(RequestContext ctx, String code, String customerId, long amount, String currency, boolean firstTimeTransaction,
      String param) {
    long now = ctx.now().getEpochSecond();
    Versioned<PromotionCode> promo = promotionCodes.findActiveByCode(ctx.scope(), code);
    if (promo == null) {
      // Not an active code: an inactive one is reported as such, an unknown one as missing.
      List<PromotionCode> inactive = promotionCodes.list(ctx.scope(), code, false, null, null, null, new ListRequest(1, null, null)).data();
      if (inactive.isEmpty()) throw ApiError.noSuch(PromotionCode.OBJECT, code, param).asBadRequest();
      throw refusal(Redemptions.promotionCode(inactive.get(0), now, customerId, amount, currency, firstTimeTransaction).orElseThrow(), param);
    }
    return checked(ctx, promo, customerId, amount, currency, firstTimeTransaction, param);
  }

  /** The code's own checks, then its coupon's. */
  private Checked checked(RequestContext ctx, Versioned<PromotionCode> promo, String customerId, long amount, String currency,
      boolean firstTimeTransaction, String param) {
    long now = ctx.now().getEpochSecond();
    Redemptions.promotionCode(promo.value(), now, customerId, amount, currency, firstTimeTransaction).ifPresent(r -> {
      throw refusal(r, param);
    });
    Versioned<Coupon> coupon = coupons.find(ctx.scope(), promo.value().couponId());
    Redemptions.coupon(coupon.value(), coupon.deleted(), now, currency).ifPresent(r -> {
      throw refusal(r, param);
    });
    return new Checked(promo, coupon);
  }

  private static ApiError refusal(Redemptions.Refusal refusal, String param) {
    return ApiError.invalid(refusal.code(), param, refusal.message());
  }

  /** Refuses when an active promotion code other than {@code self} (null: a new one) holds {@code code}. */
  private void requireFree(RequestContext ctx, String code, String self) {
    Versioned<PromotionCode> holder = promotionCodes.findActiveByCode(ctx.scope(), code);
    if (holder != null && !holder.value().id().equals(self)) throw codeTaken(code);
  }

  private static ApiError codeTaken(String code) {
    return ApiError.invalid("resource_already_exists", "code", "An active promotion code with the code " + code
        + " already exists (codes are unique among active promotion codes, whatever their case).");
  }

  /** The code as served: its coupon and customer expanded when asked for. */
  private PromotionCode served(RequestContext ctx, PromotionCode promo, List<String> expand) {
    Object coupon = promo.couponId();
    if (expand.contains("promotion.coupon")) {
      Versioned<Coupon> found = coupons.find(ctx.scope(), promo.couponId());
      if (found != null) coupon = CouponService.served(ctx, found);
    }
    Object customer = promo.customerId();
    if (customer != null && expand.contains("customer")) {
      Versioned<Customer> found = customers.find(ctx.scope(), promo.customerId());
      if (found != null) customer = found.deleted() ? new DeletedObject(found.value().id(), Customer.OBJECT, true) : found.value();
    }
    return promo.expanded(coupon, customer);
  }

  /**
   * Stripe's restrictions on create: first purchases only, and a minimum amount in one currency
   * ({@code minimum_amount} with {@code minimum_amount_currency}) and others ({@code currency_options}).
   */
  private static PromotionCode.Restrictions restrictions(Params r) {
    PromotionCode.Restrictions none = new PromotionCode.Restrictions(null, false, null, null);
    if (r == null) return none;
    Boolean firstTime = r.bool("first_time_transaction");
    Long minimum = r.integer("minimum_amount", 1, PriceService.MAX_UNIT_AMOUNT);
    String currency = r.has("minimum_amount_currency")
        ? PriceService.currency(r.string("minimum_amount_currency", 3), r.path("minimum_amount_currency")) : null;
    if ((minimum == null) != (currency == null)) {
      throw ApiError.missing(r.path(minimum == null ? "minimum_amount" : "minimum_amount_currency"));
    }
    PromotionCode.Restrictions base = new PromotionCode.Restrictions(null, Boolean.TRUE.equals(firstTime), minimum, currency);
    return r.has("currency_options") ? withCurrencyOptions(base, r) : base;
  }

  /** {@code restrictions[currency_options][<currency>][minimum_amount]}: the minimum in more currencies (the only restriction that changes). */
  private static PromotionCode.Restrictions withCurrencyOptions(PromotionCode.Restrictions base, Params r) {
    Params options = r.object("currency_options");
    if (options == null) return base;
    if (base.minimumAmountCurrency() == null) {
      throw ApiError.invalid("parameter_invalid", r.path("currency_options"), "currency_options give the minimum amount in more currencies;"
          + " set minimum_amount and minimum_amount_currency first.");
    }
    Map<String, PromotionCode.CurrencyOption> out = new LinkedHashMap<>(base.currencyOptions() == null ? Map.of() : base.currencyOptions());
    for (String name : options.names()) {
      String c = PriceService.currency(name, options.path(name));
      if (c.equals(base.minimumAmountCurrency())) {
        throw ApiError.invalid("parameter_invalid", options.path(name), "The minimum amount in " + c + " is minimum_amount itself;"
            + " currency_options are for other currencies.");
      }
      Params option = options.requiredObject(name);
      Long minimum = option.integer("minimum_amount", 1, PriceService.MAX_UNIT_AMOUNT);
      if (minimum == null) throw ApiError.missing(option.path("minimum_amount"));
      out.put(c, new PromotionCode.CurrencyOption(minimum));
    }
    return new PromotionCode.Restrictions(out.isEmpty() ? null : out, base.firstTimeTransaction(), base.minimumAmount(),
        base.minimumAmountCurrency());
  }

  private Versioned<PromotionCode> find(ApiRequest req, String id) {
    Versioned<PromotionCode> found = promotionCodes.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch(PromotionCode.OBJECT, id, "id");
    return found;
  }
}
