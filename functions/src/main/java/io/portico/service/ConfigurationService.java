package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.Account;
import io.portico.domain.Ids;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfigurationRules;
import io.portico.domain.Price;
import io.portico.domain.Product;
import io.portico.error.ApiError;
import io.portico.store.ConfigurationRepository;
import io.portico.store.ListPage;
import io.portico.store.PriceRepository;
import io.portico.store.ProductRepository;
import io.portico.store.Versioned;
import io.portico.store.Write;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code /v1/billing_portal/configurations}, and the default configuration sessions fall back to. */
@Singleton
public class ConfigurationService {
  /** Only {@code application} is expandable on a configuration (always null here: no Connect applications). */
  private static final List<String> EXPANDABLE = List.of("application");
  private final ConfigurationRepository configurations;
  private final ProductRepository products;
  private final PriceRepository prices;

  public ConfigurationService(ConfigurationRepository configurations, ProductRepository products, PriceRepository prices) {
    this.configurations = configurations;
    this.products = products;
    this.prices = prices;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    Expansion.only(req, "", EXPANDABLE);
    long now = ctx.now().getEpochSecond();
    PortalConfiguration blank = new PortalConfiguration(Ids.newId("bpc"), true, null,
        new PortalConfiguration.BusinessProfile(null, null, null), now, null, PortalConfiguration.defaultFeatures(), false,
        ctx.scope().livemode(), new PortalConfiguration.LoginPage(false, null), Map.of(), null, now, List.of());
    if (p.has("active")) {
      p.accept("active");
      throw ApiError.unknownParameter("active"); // Stripe accepts active only on update
    }
    PortalConfiguration created = ConfigurationParams.apply(blank, p, true, ctx.baseUrl(), now);
    p.rejectUnknown();
    PortalConfigurationRules.validate(created);
    requireCatalog(ctx, created);
    configurations.insert(ctx.scope(), created, ctx.now().toEpochMilli(), ctx.event("billing_portal.configuration.created", created, null));
    return ApiResponse.ok(created);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.only(req, "", EXPANDABLE);
    req.params().rejectUnknown();
    return ApiResponse.ok(find(req, id, "id").value());
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.only(req, "", EXPANDABLE);
    return Checks.retryingConflicts(() -> {
      Versioned<PortalConfiguration> current = find(req, id, "id");
      PortalConfiguration updated = ConfigurationParams.apply(current.value(), req.params(), false, ctx.baseUrl(), ctx.now().getEpochSecond());
      req.params().rejectUnknown();
      PortalConfigurationRules.validate(updated);
      // Only a new product list is checked against the catalogue: archiving a price later must not block other edits.
      if (!updated.features().subscriptionUpdate().products().equals(current.value().features().subscriptionUpdate().products())) {
        requireCatalog(ctx, updated);
      }
      if (sameIgnoringUpdated(updated, current.value())) return ApiResponse.ok(current.value());
      configurations.replace(ctx.scope(), current, updated, ctx.event("billing_portal.configuration.updated", updated, current.value()));
      return ApiResponse.ok(updated);
    });
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.only(req, "data.", EXPANDABLE);
    Boolean active = p.bool("active");
    Boolean isDefault = p.bool("is_default");
    var page = req.listRequest();
    p.rejectUnknown();
    ListPage<PortalConfiguration> result = configurations.list(req.context().scope(), active, isDefault, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/billing_portal/configurations"));
  }

  /**
   * Every product offered for plan switching exists, and each of its listed prices is a recurring
   * price of that product, one per (interval, currency).
   */
  private void requireCatalog(RequestContext ctx, PortalConfiguration c) {
    List<PortalConfiguration.Product> offered = c.features().subscriptionUpdate().products();
    for (int i = 0; i < offered.size(); i++) {
      PortalConfiguration.Product item = offered.get(i);
      String at = "features[subscription_update][products][" + i + "]";
      Versioned<Product> product = products.find(ctx.scope(), item.product());
      if (product == null || product.deleted()) throw ApiError.noSuch("product", item.product(), at + "[product]").asBadRequest();
      List<String> pairs = new ArrayList<>();
      for (int j = 0; j < item.prices().size(); j++) {
        String priceId = item.prices().get(j);
        Versioned<Price> price = prices.find(ctx.scope(), priceId);
        String priceParam = at + "[prices][" + j + "]";
        if (price == null) throw ApiError.noSuch("price", priceId, priceParam).asBadRequest();
        if (!price.value().productId().equals(item.product())) {
          throw ApiError.invalid("parameter_invalid", priceParam, "Price " + priceId + " belongs to product " + price.value().productId()
              + ", not " + item.product() + ".");
        }
        if (price.value().recurring() == null) {
          throw ApiError.invalid("parameter_invalid", priceParam, "Price " + priceId + " is a one-time price; customers can only switch"
              + " between recurring prices.");
        }
        pairs.add(price.value().intervalAndCurrency());
      }
      PortalConfigurationRules.requireOnePricePerIntervalAndCurrency(at, item.prices(), pairs);
    }
  }

  /**
   * The configuration a new session uses: the one named (it must be active), else the account's
   * default, which is created on first use from the account's public details as Stripe does.
   * {@code check} vets the configuration for this session before the default is written, so a
   * session refused by it leaves no default configuration behind.
   */
  public PortalConfiguration forSession(RequestContext ctx, String id, Consumer<PortalConfiguration> check) {
    if (id != null) {
      Versioned<PortalConfiguration> named = configurations.find(ctx.scope(), id);
      if (named == null) throw ApiError.noSuch("billing_portal.configuration", id, "configuration").asBadRequest();
      if (!named.value().active()) {
        throw ApiError.invalid("configuration_inactive", "configuration",
            "The configuration " + id + " is inactive; activate it (active=true) or use another one to create sessions.");
      }
      check.accept(named.value());
      return named.value();
    }
    return defaultFor(ctx, check, () -> { }).value();
  }

  /** {@code beforeCreating} runs (and may refuse the request) before a first default is written. */
  private Versioned<PortalConfiguration> defaultFor(RequestContext ctx, Consumer<PortalConfiguration> check, Runnable beforeCreating) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Versioned<PortalConfiguration> existing = configurations.findDefault(ctx.scope());
      if (existing != null) {
        check.accept(existing.value());
        return existing;
      }
      PortalConfiguration created = firstDefault(ctx);
      check.accept(created);
      beforeCreating.run();
      if (configurations.insertDefault(ctx.scope(), created, ctx.now().toEpochMilli(),
          ctx.event("billing_portal.configuration.created", created, null))) {
        return new Versioned<>(created, 1, ctx.now().toEpochMilli(), false);
      }
      // another request created the default first: read theirs
    }
    throw new IllegalStateException("default configuration could not be read back");
  }

  /**
   * The configuration a new session uses ({@link #forSession}'s rules), and the conditions under which
   * that choice still holds, for the session's own transaction. The choice is remembered per account
   * and mode for {@link #REMEMBER_SECONDS}, so a warm function usually reads nothing: the condition
   * (same version) makes a stale memory fail the transaction instead of being used,
   * and the caller then {@linkplain #forget forgets} it and chooses again. {@code beforeCreating} runs
   * (and may refuse the session) before the account's first default is written.
   */
  public Chosen forNewSession(RequestContext ctx, String id, Consumer<PortalConfiguration> check, Runnable beforeCreating) {
    String memoryKey = ctx.scope().key() + (id == null ? " default" : " " + id);
    Versioned<PortalConfiguration> chosen = remembered(memoryKey);
    if (chosen == null) {
      chosen = id != null ? configurations.find(ctx.scope(), id) : defaultFor(ctx, check, beforeCreating);
      if (chosen != null) remember(memoryKey, chosen);
    }
    if (id != null) {
      if (chosen == null) throw ApiError.noSuch("billing_portal.configuration", id, "configuration").asBadRequest();
      if (!chosen.value().active()) {
        throw ApiError.invalid("configuration_inactive", "configuration",
            "The configuration " + id + " is inactive; activate it (active=true) or use another one to create sessions.");
      }
    }
    check.accept(chosen.value());
    return new Chosen(chosen.value(), configurations.stillCurrent(ctx.scope(), chosen));
  }

  /** A configuration for a session, and the writes that check in the session's transaction that it is still the one to use. */
  public record Chosen(PortalConfiguration configuration, List<Write> stillCurrent) {}

  /** Drops what {@link #forNewSession} remembers for this account, mode and configuration (null: the default). */
  public void forget(RequestContext ctx, String id) {
    synchronized (memory) {
      memory.remove(ctx.scope().key() + (id == null ? " default" : " " + id));
    }
  }

  static final long REMEMBER_SECONDS = 300;

  private record Memory(Versioned<PortalConfiguration> configuration, long expiresAtNanos) {}

  private final Map<String, Memory> memory = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Memory> eldest) {
      return size() > 1000;
    }
  };

  private Versioned<PortalConfiguration> remembered(String key) {
    synchronized (memory) {
      Memory m = memory.get(key);
      return m != null && System.nanoTime() - m.expiresAtNanos() < 0 ? m.configuration() : null;
    }
  }

  private void remember(String key, Versioned<PortalConfiguration> c) {
    synchronized (memory) {
      memory.put(key, new Memory(c, System.nanoTime() + TimeUnit.SECONDS.toNanos(REMEMBER_SECONDS)));
    }
  }

  private static PortalConfiguration firstDefault(RequestContext ctx) {
    Account a = ctx.account();
    long now = ctx.now().getEpochSecond();
    return new PortalConfiguration(Ids.newId("bpc"), true, null,
        new PortalConfiguration.BusinessProfile(null, a.privacyPolicyUrl(), a.termsOfServiceUrl()), now, null,
        PortalConfiguration.firstDefaultFeatures(), true, ctx.scope().livemode(), new PortalConfiguration.LoginPage(false, null), Map.of(),
        null, now, List.of());
  }

  private Versioned<PortalConfiguration> find(ApiRequest req, String id, String param) {
    Versioned<PortalConfiguration> found = configurations.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch("billing_portal.configuration", id, param);
    return found;
  }

  private static boolean sameIgnoringUpdated(PortalConfiguration a, PortalConfiguration b) {
    return a.equals(new PortalConfiguration(b.id(), b.active(), b.application(), b.businessProfile(), b.created(), b.defaultReturnUrl(),
        b.features(), b.isDefault(), b.livemode(), b.loginPage(), b.metadata(), b.name(), a.updated(), b.allowedOrigins()));
  }
}
