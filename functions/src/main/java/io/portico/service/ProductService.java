package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.Ids;
import io.portico.domain.Price;
import io.portico.domain.Product;
import io.portico.error.ApiError;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.PriceRepository;
import io.portico.store.ProductRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /v1/products}: Stripe's product endpoints. */
@Singleton
public class ProductService {
  private final ProductRepository products;
  private final PriceRepository prices;

  public ProductService(ProductRepository products, PriceRepository prices) {
    this.products = products;
    this.prices = prices;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    Expansion.none(req);
    Product product = newProduct(ctx, p, true);
    p.rejectUnknown();
    try {
      products.insert(ctx.scope(), product, ctx.now().toEpochMilli(), ctx.event("product.created", product, null));
    } catch (ConcurrentUpdateException taken) {
      throw ApiError.invalid("resource_already_exists", "id", "A product with the id " + product.id() + " already exists.");
    }
    return ApiResponse.ok(product);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    Versioned<Product> found = find(req, id);
    return ApiResponse.ok(found.deleted() ? new DeletedObject(id, Product.OBJECT, true) : found.value());
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    return Checks.retryingConflicts(() -> {
      Versioned<Product> current = live(find(req, id), id);
      Params p = req.params();
      Product updated = apply(current.value(), p, false, ctx.now().getEpochSecond());
      if (p.has("default_price")) updated = withDefaultPrice(updated, defaultPrice(ctx, p, current.value().id()));
      p.rejectUnknown();
      if (updated.equals(withUpdated(current.value(), updated.updated()))) return ApiResponse.ok(current.value());
      products.replace(ctx.scope(), current, updated, ctx.event("product.updated", updated, current.value()));
      return ApiResponse.ok(updated);
    });
  }

  public ApiResponse delete(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    req.params().rejectUnknown();
    return Checks.retryingConflicts(() -> {
      Versioned<Product> current = live(find(req, id), id);
      if (!prices.list(ctx.scope(), id, null, null, null, null, null, new ListRequest(1, null, null)).data().isEmpty()) {
        throw ApiError.invalid("product_has_prices", null,
            "This product cannot be deleted because it has one or more prices. Archive it instead (active=false).");
      }
      products.markDeleted(ctx.scope(), current, ctx.event("product.deleted", current.value(), null));
      return ApiResponse.ok(new DeletedObject(id, Product.OBJECT, true));
    });
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.none(req);
    Boolean active = p.bool("active");
    Boolean shippable = p.bool("shippable");
    ListRequest page = req.listRequest();
    p.rejectUnknown();
    ListPage<Product> result = products.list(req.context().scope(), active, shippable, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/products"));
  }

  /** The product a price names, which must exist (deleted products take no new prices). */
  Product requireProduct(RequestContext ctx, String id, String param) {
    Versioned<Product> found = products.find(ctx.scope(), id);
    if (found == null || found.deleted()) throw ApiError.noSuch("product", id, param).asBadRequest();
    return found.value();
  }

  private String defaultPrice(RequestContext ctx, Params p, String productId) {
    String priceId = p.string("default_price", 5000);
    if (priceId.isEmpty()) return null;
    Versioned<Price> price = prices.find(ctx.scope(), priceId);
    if (price == null) throw ApiError.noSuch("price", priceId, "default_price").asBadRequest();
    if (!price.value().productId().equals(productId)) {
      throw ApiError.invalid("parameter_invalid", "default_price", "The default price must be a price of this product; " + priceId
          + " belongs to " + price.value().productId() + ".");
    }
    if (!price.value().active()) throw ApiError.invalid("parameter_invalid", "default_price", "The default price must be active.");
    return priceId;
  }

  /**
   * A new product from Stripe's create parameters ({@code everyField}) or from a price's
   * {@code product_data}, which takes only id, name, active, metadata, statement_descriptor,
   * tax_code and unit_label (the rest stay unread, so they are refused as unknown).
   */
  static Product newProduct(RequestContext ctx, Params p, boolean everyField) {
    String id = Checks.slug(p.path("id"), p.nonEmptyString("id", 250));
    long now = ctx.now().getEpochSecond();
    Product blank = new Product(id != null ? id : Ids.newId("prod"), true, now, null, null, List.of(), ctx.scope().livemode(), List.of(),
        Map.of(), null, null, null, null, null, "service", null, now, null);
    return apply(blank, p, true, now, everyField);
  }

  /** Stripe's create and update parameters for a product, applied to {@code base}. */
  static Product apply(Product base, Params p, boolean creating, long now) {
    return apply(base, p, creating, now, true);
  }

  private static Product apply(Product base, Params p, boolean creating, long now, boolean everyField) {
    String name = creating ? p.requiredString("name", 250) : orElse(p.nonEmptyString("name", 250), base.name());
    Boolean active = p.bool("active");
    String description = everyField && p.has("description") ? CustomerService.emptyToNull(p.string("description", 40000)) : base.description();
    List<String> images = base.images();
    if (everyField && p.has("images")) {
      images = p.stringList("images", 2048);
      if (images.size() > 8) throw ApiError.invalid("parameter_invalid", p.path("images"), "A product can have at most 8 images.");
      for (int i = 0; i < images.size(); i++) Checks.url(p.path("images") + "[" + i + "]", images.get(i));
    }
    List<Product.MarketingFeature> features = base.marketingFeatures();
    if (everyField && p.has("marketing_features")) {
      features = new ArrayList<>();
      List<Params> list = p.objectList("marketing_features");
      if (list.size() > 15) {
        throw ApiError.invalid("parameter_invalid", p.path("marketing_features"), "A product can list at most 15 marketing features.");
      }
      for (Params f : list) features.add(new Product.MarketingFeature(f.requiredString("name", 80)));
    }
    Map<String, String> metadata = Checks.metadata(p, base.metadata());
    Boolean shippable = everyField && p.has("shippable") ? p.bool("shippable") : base.shippable();
    String descriptor = base.statementDescriptor();
    if (p.has("statement_descriptor")) {
      descriptor = CustomerService.emptyToNull(p.string("statement_descriptor", 22));
      if (descriptor != null && (descriptor.matches(".*[<>\\\\'\"*].*") || !descriptor.matches(".*[A-Za-z].*"))) {
        throw ApiError.invalid("parameter_invalid", p.path("statement_descriptor"),
            "Invalid statement_descriptor: it cannot contain < > \\ ' \" * and must contain at least one letter.");
      }
    }
    String taxCode = p.has("tax_code") ? CustomerService.emptyToNull(p.string("tax_code", 5000)) : base.taxCode();
    if (taxCode != null && !taxCode.matches("txcd_\\d{8}")) {
      throw ApiError.invalid("parameter_invalid", p.path("tax_code"), "Invalid tax_code: tax codes look like txcd_10000000.");
    }
    String unitLabel = p.has("unit_label") ? CustomerService.emptyToNull(p.string("unit_label", 12)) : base.unitLabel();
    String url = everyField && p.has("url") ? Checks.url(p.path("url"), CustomerService.emptyToNull(p.string("url", 5000))) : base.url();
    return new Product(base.id(), active == null ? base.active() : active, base.created(), base.defaultPrice(), description, images,
        base.livemode(), features, metadata, name, base.packageDimensions(), shippable, descriptor, taxCode, base.type(), unitLabel,
        now, url);
  }

  private static Product withDefaultPrice(Product p, String price) {
    return new Product(p.id(), p.active(), p.created(), price, p.description(), p.images(), p.livemode(), p.marketingFeatures(), p.metadata(),
        p.name(), p.packageDimensions(), p.shippable(), p.statementDescriptor(), p.taxCode(), p.type(), p.unitLabel(), p.updated(), p.url());
  }

  private static Product withUpdated(Product p, long updated) {
    return new Product(p.id(), p.active(), p.created(), p.defaultPrice(), p.description(), p.images(), p.livemode(), p.marketingFeatures(),
        p.metadata(), p.name(), p.packageDimensions(), p.shippable(), p.statementDescriptor(), p.taxCode(), p.type(), p.unitLabel(), updated,
        p.url());
  }

  private Versioned<Product> find(ApiRequest req, String id) {
    Versioned<Product> found = products.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch("product", id, "id");
    return found;
  }

  private static Versioned<Product> live(Versioned<Product> found, String id) {
    if (found.deleted()) throw ApiError.noSuch("product", id, "id");
    return found;
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
