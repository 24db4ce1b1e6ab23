package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.Ids;
import io.portico.domain.Metadata;
import io.portico.domain.Price;
import io.portico.domain.Product;
import io.portico.domain.billing.BillingPeriods;
import io.portico.domain.billing.Currencies;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.PriceRepository;
import io.portico.store.ProductRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/prices}: Stripe's price endpoints. A price's amount, currency and recurrence never
 * change after creation (as in Stripe); what changes is whether it is active, its names and
 * metadata, its lookup key, and a tax behavior still unspecified.
 */
@Singleton
public class PriceService {
  /** Stripe's largest unit amount (8 digits of minor units). */
  static final long MAX_UNIT_AMOUNT = 99_999_999L;
  private static final List<String> EXPANDABLE = List.of("product");

  private final PriceRepository prices;
  private final ProductRepository products;
  private final ProductService productService;
  private final Transactions transactions;

  public PriceService(PriceRepository prices, ProductRepository products, ProductService productService, Transactions transactions) {
    this.prices = prices;
    this.products = products;
    this.productService = productService;
    this.transactions = transactions;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    boolean expandProduct = !Expansion.only(req, "", EXPANDABLE).isEmpty();
    String currency = currency(p.requiredString("currency", 3), "currency");
    String productId = p.nonEmptyString("product", 5000);
    Params productData = p.object("product_data");
    if (productId != null && productData != null) {
      throw ApiError.invalid("parameters_exclusive", "product", "You may only specify one of these parameters: product, product_data.");
    }
    if (productId == null && productData == null) {
      throw ApiError.invalid("parameter_missing", "product", "Give exactly one of product (an existing product's id) or product_data (to create one).");
    }
    long now = ctx.now().getEpochSecond();
    Product newProduct = productData == null ? null : ProductService.newProduct(ctx, productData, false);
    String scheme = p.oneOf("billing_scheme", List.of("per_unit", "tiered"));
    if ("tiered".equals(scheme)) {
      throw ApiError.invalid("parameter_invalid", "billing_scheme", "Tiered prices are not supported; use billing_scheme=per_unit.");
    }
    Long unitAmount = p.integer("unit_amount", 0, MAX_UNIT_AMOUNT);
    String decimal = p.nonEmptyString("unit_amount_decimal", 40);
    if (unitAmount != null && decimal != null) {
      throw ApiError.invalid("parameters_exclusive", "unit_amount", "You may only specify one of these parameters: unit_amount, unit_amount_decimal.");
    }
    if (unitAmount == null && decimal == null) {
      throw ApiError.invalid("parameter_missing", "unit_amount", "Give exactly one of unit_amount or unit_amount_decimal.");
    }
    String exact = unitAmount != null ? Long.toString(unitAmount) : unitAmountDecimal(decimal);
    Price.Recurring recurring = recurring(p.object("recurring"));
    String taxBehavior = p.oneOf("tax_behavior", Price.TAX_BEHAVIORS);
    String lookupKey = p.nonEmptyString("lookup_key", 200);
    boolean transfer = Boolean.TRUE.equals(p.bool("transfer_lookup_key"));
    String nickname = p.nonEmptyString("nickname", 5000);
    Map<String, String> metadata = p.has("metadata") ? Metadata.apply(Map.of(), p.stringMap("metadata"), false, "metadata") : Map.of();
    Boolean active = p.bool("active");
    p.rejectUnknown();

    Product product = newProduct != null ? newProduct : productService.requireProduct(ctx, productId, "product");
    Price price = new Price(Ids.newId("price"), active == null || active, "per_unit", now, currency, null, ctx.scope().livemode(), lookupKey,
        metadata, nickname, product.id(), recurring, taxBehavior == null ? "unspecified" : taxBehavior, null, null,
        recurring == null ? "one_time" : "recurring", unitAmount, exact);
    Changes changes = transactions.begin();
    if (lookupKey != null) takeLookupKey(ctx, changes, lookupKey, transfer, null);
    if (newProduct != null) products.stageInsert(changes, ctx.scope(), newProduct, ctx.now().toEpochMilli(), ctx.event("product.created", newProduct, null));
    prices.stageInsert(changes, ctx.scope(), price, ctx.now().toEpochMilli(), ctx.event("price.created", price, null));
    commit(ctx, changes, lookupKey, newProduct);
    return ApiResponse.ok(expandProduct ? price.withProduct(product) : price);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    boolean expandProduct = !Expansion.only(req, "", EXPANDABLE).isEmpty();
    req.params().rejectUnknown();
    return ApiResponse.ok(expand(req.context(), find(req, id).value(), expandProduct));
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    boolean expandProduct = !Expansion.only(req, "", EXPANDABLE).isEmpty();
    Price updated = Checks.retryingConflicts(() -> {
      Params p = req.params();
      Versioned<Price> current = find(req, id);
      Price c = current.value();
      Boolean active = p.bool("active");
      String nickname = p.has("nickname") ? CustomerService.emptyToNull(p.string("nickname", 5000)) : c.nickname();
      String lookupKey = p.has("lookup_key") ? CustomerService.emptyToNull(p.string("lookup_key", 200)) : c.lookupKey();
      boolean transfer = Boolean.TRUE.equals(p.bool("transfer_lookup_key"));
      Map<String, String> metadata = Checks.metadata(p, c.metadata());
      String taxBehavior = c.taxBehavior();
      String requestedTax = p.oneOf("tax_behavior", Price.TAX_BEHAVIORS);
      if (requestedTax != null && !requestedTax.equals(taxBehavior)) {
        if (!"unspecified".equals(taxBehavior)) {
          throw ApiError.invalid("parameter_invalid", "tax_behavior",
              "A price's tax_behavior can be set once, while it is unspecified; this price's is " + taxBehavior + ".");
        }
        taxBehavior = requestedTax;
      }
      p.rejectUnknown();
      Price next = c.with(active == null ? c.active() : active, lookupKey, metadata, nickname, taxBehavior);
      if (next.equals(c)) return c;
      Changes changes = transactions.begin();
      if (lookupKey != null && !lookupKey.equals(c.lookupKey())) takeLookupKey(ctx, changes, lookupKey, transfer, c.id());
      prices.stageReplace(changes, ctx.scope(), current, next, ctx.event("price.updated", next, c));
      commit(ctx, changes, lookupKey != null && !lookupKey.equals(c.lookupKey()) ? lookupKey : null, null);
      return next;
    });
    return ApiResponse.ok(expand(ctx, updated, expandProduct));
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    boolean expandProduct = !Expansion.only(req, "data.", EXPANDABLE).isEmpty();
    Boolean active = p.bool("active");
    String currency = p.has("currency") ? currency(p.string("currency", 3), "currency") : null;
    String product = p.nonEmptyString("product", 5000);
    String type = p.oneOf("type", Price.TYPES);
    List<String> lookupKeys = p.stringList("lookup_keys", 200);
    String interval = null;
    String usageType = null;
    Params r = p.object("recurring");
    if (r != null) {
      interval = r.oneOf("interval", Price.INTERVALS);
      usageType = r.oneOf("usage_type", Price.USAGE_TYPES);
    }
    ListRequest page = req.listRequest();
    p.rejectUnknown();
    RequestContext ctx = req.context();
    List<Price> data;
    boolean more;
    if (lookupKeys != null) {
      // A lookup key names at most one price: fetch each, then apply the other filters.
      if (lookupKeys.size() > 10) throw ApiError.invalid("parameter_invalid", "lookup_keys", "Give at most 10 lookup keys.");
      data = new ArrayList<>();
      for (String key : lookupKeys) {
        Versioned<Price> found = prices.findByLookupKey(ctx.scope(), key);
        if (found != null && matches(found.value(), active, currency, product, type, interval, usageType)) data.add(found.value());
      }
      more = false;
    } else {
      ListPage<Price> result = prices.list(ctx.scope(), product, active, type, currency, interval, usageType, page);
      data = result.data();
      more = result.hasMore();
    }
    List<Price> out = new ArrayList<>();
    for (Price price : data) out.add(expand(ctx, price, expandProduct));
    return ApiResponse.ok(new ListObject(out, more, "/v1/prices"));
  }

  private static boolean matches(Price p, Boolean active, String currency, String product, String type, String interval, String usageType) {
    return (active == null || p.active() == active) && (currency == null || p.currency().equals(currency))
        && (product == null || p.productId().equals(product)) && (type == null || p.type().equals(type))
        && (interval == null || (p.recurring() != null && p.recurring().interval().equals(interval)))
        && (usageType == null || (p.recurring() != null && p.recurring().usageType().equals(usageType)));
  }

  /** Claims a lookup key for {@code self} (null: a new price), taking it from its holder when transferring. */
  private void takeLookupKey(RequestContext ctx, Changes changes, String lookupKey, boolean transfer, String self) {
    Versioned<Price> holder = prices.findByLookupKey(ctx.scope(), lookupKey);
    if (holder == null || holder.value().id().equals(self)) return;
    if (!transfer) {
      throw ApiError.invalid("lookup_key_taken", "lookup_key", "A price (" + holder.value().id() + ") already uses the lookup key '" + lookupKey
          + "'. Pass transfer_lookup_key=true to move it to this price.");
    }
    Price h = holder.value();
    Price released = h.with(h.active(), null, h.metadata(), h.nickname(), h.taxBehavior());
    prices.stageReleaseLookupKey(changes, ctx.scope(), holder, ctx.event("price.updated", released, h));
  }

  /** Commits; a failed condition is a product id (of {@code newProduct}) or a lookup key someone else holds. */
  private void commit(RequestContext ctx, Changes changes, String claimedLookupKey, Product newProduct) {
    try {
      changes.commit();
    } catch (ConcurrentUpdateException e) {
      if (newProduct != null && products.find(ctx.scope(), newProduct.id()) != null) {
        throw ApiError.invalid("resource_already_exists", "product_data[id]", "A product with the id " + newProduct.id() + " already exists.");
      }
      if (claimedLookupKey != null) {
        throw ApiError.invalid("lookup_key_taken", "lookup_key", "Another price took the lookup key '" + claimedLookupKey
            + "' at the same moment. Retry, with transfer_lookup_key=true to move it.");
      }
      throw e;
    }
  }

  private Price expand(RequestContext ctx, Price price, boolean expandProduct) {
    if (!expandProduct) return price;
    Versioned<Product> product = products.find(ctx.scope(), price.productId());
    return product == null ? price : price.withProduct(product.value());
  }

  private Versioned<Price> find(ApiRequest req, String id) {
    Versioned<Price> found = prices.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch("price", id, "id");
    return found;
  }

  static String currency(String value, String param) {
    String c = Currencies.normalize(value);
    if (!Currencies.isSupported(c)) {
      throw ApiError.invalid("parameter_invalid", param, "Invalid currency: " + value + ". Use a three-letter ISO code such as usd, eur or jpy.");
    }
    return c;
  }

  private static Price.Recurring recurring(Params r) {
    if (r == null) return null;
    String interval = r.oneOf("interval", Price.INTERVALS);
    if (interval == null) throw ApiError.missing(r.path("interval"));
    Long count = r.integer("interval_count", 1, Long.MAX_VALUE); // the upper bound depends on the interval: BillingPeriods
    long n = count == null ? 1 : count;
    BillingPeriods.validate(interval, n).ifPresent(problem -> {
      throw ApiError.invalid("parameter_invalid", r.path("interval_count"), problem);
    });
    String usage = r.oneOf("usage_type", Price.USAGE_TYPES);
    Long trialDays = r.integer("trial_period_days", 0, 730);
    String meter = r.nonEmptyString("meter", 5000);
    if (meter != null) throw ApiError.invalid("parameter_invalid", r.path("meter"), "Billing meters are not supported; omit recurring[meter].");
    return new Price.Recurring(interval, n, null, trialDays, usage == null ? "licensed" : usage);
  }

  /** A non-negative decimal with at most 12 decimal places, in minor units; normalised the way Stripe prints it. */
  private static String unitAmountDecimal(String value) {
    BigDecimal d;
    try {
      d = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("parameter_invalid", "unit_amount_decimal", "Invalid decimal: " + value);
    }
    if (d.signum() < 0 || d.scale() > 12 || d.compareTo(BigDecimal.valueOf(MAX_UNIT_AMOUNT)) > 0) {
      throw ApiError.invalid("parameter_invalid", "unit_amount_decimal",
          "unit_amount_decimal must be between 0 and " + MAX_UNIT_AMOUNT + " with at most 12 decimal places (got " + value + ").");
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
