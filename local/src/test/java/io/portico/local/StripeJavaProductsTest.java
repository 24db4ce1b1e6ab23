package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductListParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.common.EmptyParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** product through the real stripe-java client: create, retrieve, update, default price, delete, list. */
class StripeJavaProductsTest {
  /** Stripe's product, every key written out (nulls included). */
  static final String[] PRODUCT_KEYS = {"id", "object", "active", "created", "default_price", "description", "images", "livemode",
      "marketing_features", "metadata", "name", "package_dimensions", "shippable", "statement_descriptor", "tax_code", "type",
      "unit_label", "updated", "url"};

  static ProductCreateParams everyField(String id) {
    return ProductCreateParams.builder()
        .setId(id)
        .setName("Gold plan")
        .setDescription("Everything in Silver, and priority support")
        .setActive(false)
        .addImage("https://acme.example/img/gold.png")
        .addImage("https://cdn.acme.example/gold-2.jpg?v=2")
        .addMarketingFeature(ProductCreateParams.MarketingFeature.builder().setName("Unlimited projects").build())
        .addMarketingFeature(ProductCreateParams.MarketingFeature.builder().setName("24/7 support").build())
        .putMetadata("tier", "gold")
        .putMetadata("crm_id", "P-42")
        .setShippable(true)
        .setStatementDescriptor("ACME GOLD")
        .setTaxCode("txcd_10103001")
        .setUnitLabel("seat")
        .setUrl("https://acme.example/gold")
        .build();
  }

  static void assertEveryField(Product p, String id) {
    assertEquals(id, p.getId());
    assertEquals("product", p.getObject());
    assertEquals("Gold plan", p.getName());
    assertEquals("Everything in Silver, and priority support", p.getDescription());
    assertEquals(false, p.getActive());
    assertEquals(List.of("https://acme.example/img/gold.png", "https://cdn.acme.example/gold-2.jpg?v=2"), p.getImages());
    assertEquals(List.of("Unlimited projects", "24/7 support"), p.getMarketingFeatures().stream().map(Product.MarketingFeature::getName).toList());
    assertEquals(Map.of("tier", "gold", "crm_id", "P-42"), p.getMetadata());
    assertEquals(true, p.getShippable());
    assertEquals("ACME GOLD", p.getStatementDescriptor());
    assertEquals("txcd_10103001", p.getTaxCode());
    assertEquals("seat", p.getUnitLabel());
    assertEquals("https://acme.example/gold", p.getUrl());
    assertNull(p.getDefaultPrice());
    assertNull(p.getPackageDimensions());
    assertEquals("service", p.getType());
    assertEquals(false, p.getLivemode());
    assertNull(p.getDeleted());
  }

  @Test
  void createWithEveryFieldThenRetrieve() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String id = "gold_plan-" + System.nanoTime();
    Product created = stripe.v1().products().create(everyField(id));
    assertEveryField(created, id);
    long now = TestStack.CLOCK.instant().getEpochSecond();
    assertEquals(now, created.getCreated());
    assertEquals(now, created.getUpdated());
    JsonObject raw = created.getRawJsonObject();
    assertKeys(raw, PRODUCT_KEYS);
    assertKeys(raw.getAsJsonArray("marketing_features").get(0).getAsJsonObject(), "name");

    Product retrieved = stripe.v1().products().retrieve(id);
    assertEveryField(retrieved, id);
    assertEquals(created.getRawJsonObject(), retrieved.getRawJsonObject());
  }

  @Test
  void createWithOnlyANameGivesStripesDefaults() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Product p = stripe.v1().products().create(ProductCreateParams.builder().setName("Basic").build());
    assertTrue(p.getId().matches("prod_[0-9A-Za-z]{24}"), p.getId());
    assertEquals("Basic", p.getName());
    assertEquals(true, p.getActive());
    assertNull(p.getDefaultPrice());
    assertNull(p.getDescription());
    assertEquals(List.of(), p.getImages());
    assertEquals(false, p.getLivemode());
    assertEquals(List.of(), p.getMarketingFeatures());
    assertEquals(Map.of(), p.getMetadata());
    assertNull(p.getPackageDimensions());
    assertNull(p.getShippable());
    assertNull(p.getStatementDescriptor());
    assertNull(p.getTaxCode());
    assertEquals("service", p.getType());
    assertNull(p.getUnitLabel());
    assertEquals(p.getCreated(), p.getUpdated());
    assertNull(p.getUrl());
    assertKeys(p.getRawJsonObject(), PRODUCT_KEYS);
    assertTrue(p.getRawJsonObject().get("default_price").isJsonNull());
  }

  @Test
  void customIdsBelongToOneAccountAndMode() throws StripeException {
    // Stripe scopes ids to an account: another merchant (or this one in live mode) may use the same custom id.
    var first = TestStack.newMerchant();
    var second = TestStack.newMerchant();
    String id = "pro-" + System.nanoTime();
    Product mine = TestStack.stripe(first.testSecretKey()).v1().products().create(ProductCreateParams.builder().setId(id).setName("Mine").build());
    Product theirs = TestStack.stripe(second.testSecretKey()).v1().products().create(ProductCreateParams.builder().setId(id).setName("Theirs").build());
    Product live = TestStack.stripe(first.liveSecretKey()).v1().products().create(ProductCreateParams.builder().setId(id).setName("Live").build());
    assertEquals(id, mine.getId());
    assertEquals(id, theirs.getId());
    assertEquals(true, live.getLivemode());
    assertEquals("Mine", TestStack.stripe(first.testSecretKey()).v1().products().retrieve(id).getName());
    assertEquals("Theirs", TestStack.stripe(second.testSecretKey()).v1().products().retrieve(id).getName());
    assertEquals("Live", TestStack.stripe(first.liveSecretKey()).v1().products().retrieve(id).getName());
    // and each sees its own in lists, prices and updates
    assertEquals(List.of(id), ids(TestStack.stripe(second.testSecretKey()).v1().products().list()));
    Price price = TestStack.stripe(second.testSecretKey()).v1().prices().create(PriceCreateParams.builder()
        .setProduct(id).setCurrency("usd").setUnitAmount(500L).build());
    assertEquals(id, price.getProduct());
    assertEquals("Theirs, renamed", TestStack.stripe(second.testSecretKey()).v1().products()
        .update(id, ProductUpdateParams.builder().setName("Theirs, renamed").build()).getName());
    assertEquals("Mine", TestStack.stripe(first.testSecretKey()).v1().products().retrieve(id).getName());
    assertEquals(true, TestStack.stripe(first.testSecretKey()).v1().products().delete(id).getDeleted());
    assertEquals("Theirs, renamed", TestStack.stripe(second.testSecretKey()).v1().products().retrieve(id).getName());
  }

  @Test
  void updateChangesAndClearsFields() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String id = "gold-" + System.nanoTime();
    Product created = stripe.v1().products().create(everyField(id));
    TestStack.CLOCK.advance(Duration.ofSeconds(7));

    Product updated = stripe.v1().products().update(id, ProductUpdateParams.builder()
        .setName("Gold plan (2025)")
        .setActive(true)
        .setShippable(false)
        .addImage("https://acme.example/img/gold-new.png")
        .addMarketingFeature(ProductUpdateParams.MarketingFeature.builder().setName("Everything").build())
        .putMetadata("crm_id", "")
        .putMetadata("region", "eu")
        .setStatementDescriptor("ACME GOLD 25")
        .build());
    assertEquals(id, updated.getId());
    assertEquals(created.getCreated(), updated.getCreated());
    assertEquals(created.getCreated() + 7, updated.getUpdated());
    assertEquals("Gold plan (2025)", updated.getName());
    assertEquals(true, updated.getActive());
    assertEquals(false, updated.getShippable());
    assertEquals(List.of("https://acme.example/img/gold-new.png"), updated.getImages());
    assertEquals(List.of("Everything"), updated.getMarketingFeatures().stream().map(Product.MarketingFeature::getName).toList());
    assertEquals(Map.of("tier", "gold", "region", "eu"), updated.getMetadata());
    assertEquals("ACME GOLD 25", updated.getStatementDescriptor());
    // what was not sent stays
    assertEquals("Everything in Silver, and priority support", updated.getDescription());
    assertEquals("txcd_10103001", updated.getTaxCode());
    assertEquals("seat", updated.getUnitLabel());
    assertEquals("https://acme.example/gold", updated.getUrl());
    assertEquals(updated.getRawJsonObject(), stripe.v1().products().retrieve(id).getRawJsonObject());

    // "" clears every field that can be unset
    Product cleared = stripe.v1().products().update(id, ProductUpdateParams.builder()
        .setDescription(EmptyParam.EMPTY)
        .setImages(EmptyParam.EMPTY)
        .setMarketingFeatures(EmptyParam.EMPTY)
        .setMetadata(EmptyParam.EMPTY)
        .setStatementDescriptor(EmptyParam.EMPTY)
        .setTaxCode(EmptyParam.EMPTY)
        .setUnitLabel(EmptyParam.EMPTY)
        .setUrl(EmptyParam.EMPTY)
        .build());
    assertNull(cleared.getDescription());
    assertEquals(List.of(), cleared.getImages());
    assertEquals(List.of(), cleared.getMarketingFeatures());
    assertEquals(Map.of(), cleared.getMetadata());
    assertNull(cleared.getStatementDescriptor());
    assertNull(cleared.getTaxCode());
    assertNull(cleared.getUnitLabel());
    assertNull(cleared.getUrl());
    assertEquals("Gold plan (2025)", cleared.getName());
    assertEquals(false, cleared.getShippable());
    assertKeys(cleared.getRawJsonObject(), PRODUCT_KEYS);
    assertEquals(cleared.getRawJsonObject(), stripe.v1().products().retrieve(id).getRawJsonObject());

    // the name cannot be unset
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid_empty", "name",
        () -> stripe.v1().products().update(id, ProductUpdateParams.builder().setName(EmptyParam.EMPTY).build()));
  }

  @Test
  void anUpdateThatChangesNothingKeepsUpdated() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Product p = stripe.v1().products().create(ProductCreateParams.builder().setName("Same").putMetadata("a", "1").build());
    TestStack.CLOCK.advance(Duration.ofSeconds(3));
    Product same = stripe.v1().products().update(p.getId(), ProductUpdateParams.builder().setName("Same").putMetadata("a", "1").build());
    assertEquals(p.getRawJsonObject(), same.getRawJsonObject());
  }

  @Test
  void defaultPriceIsOneOfItsOwnActivePrices() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String product = stripe.v1().products().create(ProductCreateParams.builder().setName("Pro").build()).getId();
    String other = stripe.v1().products().create(ProductCreateParams.builder().setName("Other").build()).getId();
    String monthly = price(stripe, product, 1500L, true);
    String archived = price(stripe, product, 1200L, false);
    String othersPrice = price(stripe, other, 900L, true);

    Product withDefault = stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice(monthly).build());
    assertEquals(monthly, withDefault.getDefaultPrice());
    assertEquals(monthly, stripe.v1().products().retrieve(product).getDefaultPrice());

    InvalidRequestException foreign = assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "default_price",
        () -> stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice(othersPrice).build()));
    assertTrue(foreign.getStripeError().getMessage().contains(othersPrice), foreign.getMessage());
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "default_price",
        () -> stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice(archived).build()));
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "default_price",
        () -> stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice("price_doesnotexist").build()));
    // another merchant's price does not exist here
    StripeClient someoneElse = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String theirPrice = price(someoneElse, someoneElse.v1().products().create(ProductCreateParams.builder().setName("X").build()).getId(), 1L, true);
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "default_price",
        () -> stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice(theirPrice).build()));
    assertEquals(monthly, stripe.v1().products().retrieve(product).getDefaultPrice());

    // a price made active again can be the default; "" removes the default
    stripe.v1().prices().update(archived, PriceUpdateParams.builder().setActive(true).build());
    assertEquals(archived, stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice(archived).build()).getDefaultPrice());
    Product none = stripe.v1().products().update(product, ProductUpdateParams.builder().setDefaultPrice(EmptyParam.EMPTY).build());
    assertNull(none.getDefaultPrice());
    assertTrue(none.getRawJsonObject().get("default_price").isJsonNull());
  }

  @Test
  void deleteIsRefusedWhileTheProductHasPrices() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String product = stripe.v1().products().create(ProductCreateParams.builder().setName("Priced").build()).getId();
    String onlyPrice = price(stripe, product, 1000L, true);
    InvalidRequestException e = assertStripeError(InvalidRequestException.class, 400, "product_has_prices", null,
        () -> stripe.v1().products().delete(product));
    assertTrue(e.getStripeError().getMessage().contains("active=false"), e.getMessage());
    // an archived price still holds the product
    stripe.v1().prices().update(onlyPrice, PriceUpdateParams.builder().setActive(false).build());
    assertStripeError(InvalidRequestException.class, 400, "product_has_prices", null, () -> stripe.v1().products().delete(product));
    assertEquals("Priced", stripe.v1().products().retrieve(product).getName());
    assertNull(stripe.v1().products().retrieve(product).getDeleted());
    // archiving the product is the way out
    assertEquals(false, stripe.v1().products().update(product, ProductUpdateParams.builder().setActive(false).build()).getActive());
  }

  @Test
  void deleteThenRetrieveSaysDeletedAndListForgetsIt() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Product keep = stripe.v1().products().create(ProductCreateParams.builder().setName("Keep").build());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Product gone = stripe.v1().products().create(ProductCreateParams.builder().setName("Gone").setShippable(true).build());

    Product deleted = stripe.v1().products().delete(gone.getId());
    assertEquals(gone.getId(), deleted.getId());
    assertEquals("product", deleted.getObject());
    assertEquals(true, deleted.getDeleted());
    assertKeys(deleted.getRawJsonObject(), "id", "object", "deleted");

    Product retrieved = stripe.v1().products().retrieve(gone.getId());
    assertEquals(gone.getId(), retrieved.getId());
    assertEquals(true, retrieved.getDeleted());
    assertNull(retrieved.getName());
    assertKeys(retrieved.getRawJsonObject(), "id", "object", "deleted");

    assertEquals(List.of(keep.getId()), ids(stripe.v1().products().list()));
    assertEquals(List.of(), ids(stripe.v1().products().list(ProductListParams.builder().setShippable(true).build())));

    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().products().update(gone.getId(), ProductUpdateParams.builder().setName("Zombie").build()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().products().delete(gone.getId()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().products().retrieve("prod_doesnotexist"));
  }

  @Test
  void listFiltersByActiveAndShippableAndPaginatesBothWays() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    List<String> ids = new ArrayList<>(); // oldest first
    for (int i = 1; i <= 5; i++) {
      TestStack.CLOCK.advance(Duration.ofMillis(1));
      ProductCreateParams.Builder b = ProductCreateParams.builder().setName("Product " + i).setActive(i != 3);
      if (i % 2 == 0) b.setShippable(true);
      if (i == 5) b.setShippable(false);
      ids.add(stripe.v1().products().create(b.build()).getId());
    }
    String p1 = ids.get(0);
    String p2 = ids.get(1);
    String p3 = ids.get(2);
    String p4 = ids.get(3);
    String p5 = ids.get(4);

    StripeCollection<Product> all = stripe.v1().products().list();
    assertEquals("list", all.getObject());
    assertEquals("/v1/products", all.getUrl());
    assertEquals(false, all.getHasMore());
    assertKeys(all.getRawJsonObject(), "object", "data", "has_more", "url");
    assertEquals(List.of(p5, p4, p3, p2, p1), ids(all));
    assertKeys(all.getRawJsonObject().getAsJsonArray("data").get(0).getAsJsonObject(), PRODUCT_KEYS);

    assertEquals(List.of(p5, p4, p2, p1), ids(stripe.v1().products().list(ProductListParams.builder().setActive(true).build())));
    assertEquals(List.of(p3), ids(stripe.v1().products().list(ProductListParams.builder().setActive(false).build())));
    assertEquals(List.of(p4, p2), ids(stripe.v1().products().list(ProductListParams.builder().setShippable(true).build())));
    assertEquals(List.of(p5), ids(stripe.v1().products().list(ProductListParams.builder().setShippable(false).build())));
    assertEquals(List.of(p4, p2), ids(stripe.v1().products().list(ProductListParams.builder().setShippable(true).setActive(true).build())));

    StripeCollection<Product> page1 = stripe.v1().products().list(ProductListParams.builder().setLimit(2L).build());
    assertEquals(List.of(p5, p4), ids(page1));
    assertEquals(true, page1.getHasMore());
    StripeCollection<Product> page2 = stripe.v1().products().list(ProductListParams.builder().setLimit(2L).setStartingAfter(p4).build());
    assertEquals(List.of(p3, p2), ids(page2));
    assertEquals(true, page2.getHasMore());
    StripeCollection<Product> page3 = stripe.v1().products().list(ProductListParams.builder().setLimit(2L).setStartingAfter(p2).build());
    assertEquals(List.of(p1), ids(page3));
    assertEquals(false, page3.getHasMore());
    StripeCollection<Product> back = stripe.v1().products().list(ProductListParams.builder().setLimit(2L).setEndingBefore(p1).build());
    assertEquals(List.of(p3, p2), ids(back));
    assertEquals(true, back.getHasMore());
    StripeCollection<Product> back2 = stripe.v1().products().list(ProductListParams.builder().setLimit(2L).setEndingBefore(p3).build());
    assertEquals(List.of(p5, p4), ids(back2));
    assertEquals(false, back2.getHasMore());

    // a filtered list pages through the matching products only
    StripeCollection<Product> active1 = stripe.v1().products().list(ProductListParams.builder().setActive(true).setLimit(3L).build());
    assertEquals(List.of(p5, p4, p2), ids(active1));
    assertEquals(true, active1.getHasMore());
    StripeCollection<Product> active2 = stripe.v1().products().list(ProductListParams.builder().setActive(true).setLimit(3L)
        .setStartingAfter(p2).build());
    assertEquals(List.of(p1), ids(active2));
    assertEquals(false, active2.getHasMore());

    // archiving moves a product between the active filters
    stripe.v1().products().update(p4, ProductUpdateParams.builder().setActive(false).build());
    assertEquals(List.of(p4, p3), ids(stripe.v1().products().list(ProductListParams.builder().setActive(false).build())));

    List<String> paged = new ArrayList<>();
    for (Product p : stripe.v1().products().list(ProductListParams.builder().setLimit(2L).build()).autoPagingIterable()) paged.add(p.getId());
    assertEquals(List.of(p5, p4, p3, p2, p1), paged);
  }

  @Test
  void anotherMerchantsProductsAreNotListed() throws StripeException {
    StripeClient mine = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    StripeClient theirs = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String their = theirs.v1().products().create(ProductCreateParams.builder().setName("Theirs").build()).getId();
    assertEquals(List.of(), ids(mine.v1().products().list()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> mine.v1().products().retrieve(their));
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "starting_after",
        () -> mine.v1().products().list(ProductListParams.builder().setStartingAfter(their).build()));
  }

  static String price(StripeClient stripe, String product, long amount, boolean active) throws StripeException {
    return stripe.v1().prices().create(PriceCreateParams.builder()
        .setProduct(product).setCurrency("usd").setUnitAmount(amount).setActive(active).build()).getId();
  }

  static List<String> ids(StripeCollection<Product> list) {
    return list.getData().stream().map(Product::getId).toList();
  }
}
