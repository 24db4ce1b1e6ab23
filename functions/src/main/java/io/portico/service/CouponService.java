package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.Coupon;
import io.portico.domain.Ids;
import io.portico.domain.Redemptions;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.CouponRepository;
import io.portico.store.ListPage;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /v1/coupons}: Stripe's coupon endpoints, and the check every discount makes before it
 * uses a coupon ({@link #redeemable}, {@link #stageRedemption}). A coupon's terms never change
 * after creation (as in Stripe); its name and metadata do.
 */
@Singleton
public class CouponService {
  /** At most this many products in {@code applies_to[products]}: each is read to check it exists. */
  static final int MAX_APPLIES_TO_PRODUCTS = 100;
  /** {@code applies_to} is shown whenever it is set; asking for it (Stripe's way) is accepted. */
  private static final List<String> EXPANDABLE = List.of("applies_to");

  private final CouponRepository coupons;
  private final ProductService productService;

  public CouponService(CouponRepository coupons, ProductService productService) {
    this.coupons = coupons;
    this.productService = productService;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    Expansion.only(req, "", EXPANDABLE);
    long now = ctx.now().getEpochSecond();
    String id = Checks.slug("id", p.nonEmptyString("id", 250));
    BigDecimal percentOff = percentOff(p);
    Long amountOff = p.integer("amount_off");
    String currency = p.has("currency") ? PriceService.currency(p.string("currency", 3), "currency") : null;
    if (percentOff != null && amountOff != null) {
      throw ApiError.invalid("parameters_exclusive", "amount_off", "You may only specify one of these parameters: amount_off, percent_off.");
    }
    if (percentOff == null && amountOff == null) {
      throw ApiError.invalid("parameter_missing", "percent_off", "Give either percent_off, or amount_off with its currency.");
    }
    if (amountOff != null) {
      io.portico.domain.billing.Coupon.amountOffProblem(amountOff).ifPresent(problem -> {
        throw ApiError.invalid("parameter_invalid", "amount_off", problem);
      });
      if (currency == null) throw ApiError.missing("currency");
    } else if (currency != null) {
      throw ApiError.invalid("parameter_invalid", "currency", "currency is only for amount_off coupons; a percent_off coupon applies in any currency.");
    }
    String duration = p.oneOf("duration", Coupon.DURATIONS);
    if (duration == null) duration = "once"; // Stripe's default
    Long months = p.integer("duration_in_months", 1, Integer.MAX_VALUE);
    io.portico.domain.billing.Coupon.durationInMonthsProblem(
        io.portico.domain.billing.Coupon.Duration.valueOf(duration.toUpperCase(Locale.ROOT)), months == null ? null : months.intValue())
        .ifPresent(problem -> {
          throw ApiError.invalid(months == null ? "parameter_missing" : "parameter_invalid", "duration_in_months", problem);
        });
    Long maxRedemptions = p.integer("max_redemptions", 1, Long.MAX_VALUE);
    Long redeemBy = p.integer("redeem_by");
    if (redeemBy != null && redeemBy <= now) {
      throw ApiError.invalid("parameter_invalid", "redeem_by", "redeem_by must be in the future (got " + redeemBy + ", it is now " + now + ").");
    }
    List<String> products = appliesTo(p.object("applies_to"));
    String name = p.nonEmptyString("name", 40);
    Map<String, String> metadata = Checks.metadata(p, Map.of());
    if (p.has("currency_options")) {
      throw ApiError.invalid("parameter_invalid", "currency_options", "Coupons in several currencies (currency_options) are not supported; "
          + "create one amount_off coupon per currency.");
    }
    p.rejectUnknown();
    for (int i = 0; products != null && i < products.size(); i++) {
      productService.requireProduct(ctx, products.get(i), "applies_to[products][" + i + "]");
    }

    Coupon.AppliesTo appliesTo = products == null ? null : new Coupon.AppliesTo(new ArrayList<>(new LinkedHashSet<>(products)));
    Coupon coupon = new Coupon(id != null ? id : Ids.random(8), amountOff, appliesTo, now,
        currency, duration, months, ctx.scope().livemode(), maxRedemptions, metadata, name, percentOff, redeemBy, 0, true);
    try {
      coupons.insert(ctx.scope(), coupon, ctx.now().toEpochMilli(), ctx.event("coupon.created", coupon, null));
    } catch (ConcurrentUpdateException taken) {
      throw ApiError.invalid("resource_already_exists", "id", "A coupon with the id " + coupon.id()
          + " already exists (the ids of deleted coupons are not reused).");
    }
    return ApiResponse.ok(coupon);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.only(req, "", EXPANDABLE);
    req.params().rejectUnknown();
    Versioned<Coupon> found = find(req, id);
    return ApiResponse.ok(found.deleted() ? new DeletedObject(id, Coupon.OBJECT, true) : served(req.context(), found));
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.only(req, "", EXPANDABLE);
    return Checks.retryingConflicts(() -> {
      Versioned<Coupon> current = live(find(req, id), id);
      Params p = req.params();
      Coupon c = current.value();
      String name = p.has("name") ? CustomerService.emptyToNull(p.string("name", 40)) : c.name();
      Map<String, String> metadata = Checks.metadata(p, c.metadata());
      p.rejectUnknown();
      Coupon before = served(ctx, current);
      Coupon after = before.with(name, metadata);
      if (after.equals(before)) return ApiResponse.ok(before);
      coupons.replace(ctx.scope(), current, after, ctx.event("coupon.updated", after, before));
      return ApiResponse.ok(after);
    });
  }

  public ApiResponse delete(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    req.params().rejectUnknown();
    return Checks.retryingConflicts(() -> {
      Versioned<Coupon> current = live(find(req, id), id);
      // Discounts already using it keep their terms (the tombstone keeps them); no new discount can use it.
      coupons.markDeleted(ctx.scope(), current, ctx.event("coupon.deleted", current.value().asOf(ctx.now().getEpochSecond(), true), null));
      return ApiResponse.ok(new DeletedObject(id, Coupon.OBJECT, true));
    });
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.only(req, "data.", EXPANDABLE);
    var created = req.created();
    var page = req.listRequest();
    p.rejectUnknown();
    RequestContext ctx = req.context();
    ListPage<Coupon> result = coupons.list(ctx.scope(), created, page);
    long now = ctx.now().getEpochSecond();
    List<Coupon> data = result.data().stream().map(c -> c.asOf(now, false)).toList();
    return ApiResponse.ok(new ListObject(data, result.hasMore(), "/v1/coupons"));
  }

  /**
   * The coupon, if a new discount may use it now on an amount in {@code currency} (null: not known
   * yet); otherwise Stripe's error saying why, naming {@code param} (e.g. {@code discounts[0][coupon]}).
   */
  public Coupon redeemable(RequestContext ctx, String couponId, String currency, String param) {
    return served(ctx, checked(ctx, couponId, currency, param));
  }

  /**
   * Checks as {@link #redeemable} does and stages the redemption ({@code times_redeemed + 1}) into
   * {@code changes}. When the commit fails on a concurrent change, re-run from the read
   * ({@link Checks#retryingConflicts}): the coupon is then checked again, so no more discounts use it
   * than its {@code max_redemptions}.
   */
  public Coupon stageRedemption(RequestContext ctx, Changes changes, String couponId, String currency, String param) {
    Versioned<Coupon> current = checked(ctx, couponId, currency, param);
    coupons.stageRedemption(changes, ctx.scope(), current);
    return current.value().redeemedOnceMore().asOf(ctx.now().getEpochSecond(), false);
  }

  private Versioned<Coupon> checked(RequestContext ctx, String couponId, String currency, String param) {
    Versioned<Coupon> found = coupons.find(ctx.scope(), couponId);
    // A deleted coupon is gone for new discounts, as in Stripe.
    if (found == null || found.deleted()) throw ApiError.noSuch(Coupon.OBJECT, couponId, param).asBadRequest();
    Redemptions.coupon(found.value(), false, ctx.now().getEpochSecond(), currency).ifPresent(refusal -> {
      throw ApiError.invalid(refusal.code(), param, refusal.message());
    });
    return found;
  }

  /** The coupon as served now: {@code valid} recomputed. */
  static Coupon served(RequestContext ctx, Versioned<Coupon> found) {
    return found.value().asOf(ctx.now().getEpochSecond(), found.deleted());
  }

  /** Stripe's percent_off: a decimal above 0, at most 100, two decimals at most; printed without trailing zeros. */
  private static BigDecimal percentOff(Params p) {
    String raw = p.nonEmptyString("percent_off", 40);
    if (raw == null) return null;
    BigDecimal percent;
    try {
      percent = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("parameter_invalid", "percent_off", "Invalid decimal: " + raw + " (percent_off is a number such as 25 or 12.5).");
    }
    io.portico.domain.billing.Coupon.percentOffProblem(percent).ifPresent(problem -> {
      throw ApiError.invalid("parameter_invalid", "percent_off", problem);
    });
    BigDecimal plain = percent.stripTrailingZeros();
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }

  /** The products of {@code applies_to[products]}; null when the coupon applies to everything. */
  private static List<String> appliesTo(Params a) {
    if (a == null) return null;
    List<String> products = a.stringList("products", 5000);
    if (products == null) throw ApiError.missing(a.path("products"));
    if (products.isEmpty() || products.size() > MAX_APPLIES_TO_PRODUCTS) {
      throw ApiError.invalid("parameter_invalid", a.path("products"),
          "applies_to[products] lists between 1 and " + MAX_APPLIES_TO_PRODUCTS + " products (got " + products.size() + ").");
    }
    return products;
  }

  private Versioned<Coupon> find(ApiRequest req, String id) {
    Versioned<Coupon> found = coupons.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch(Coupon.OBJECT, id, "id");
    return found;
  }

  private static Versioned<Coupon> live(Versioned<Coupon> found, String id) {
    if (found.deleted()) throw ApiError.noSuch(Coupon.OBJECT, id, "id");
    return found;
  }
}
