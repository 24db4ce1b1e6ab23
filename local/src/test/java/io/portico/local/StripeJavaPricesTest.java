package io.portico.local;

import static io.portico.local.StripeJavaProductsTest.PRODUCT_KEYS;
import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import com.stripe.param.PriceCreateParams.Recurring.Interval;
import com.stripe.param.PriceCreateParams.Recurring.UsageType;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceRetrieveParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.common.EmptyParam;
import io.portico.service.AccountService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** price through the real stripe-java client: amounts, currencies, recurrence, product_data, lookup keys, update, expand, list. */
class StripeJavaPricesTest {
  /** Stripe's price, every key written out (nulls included); currency_options and tiers only appear when expanded. */
  static final String[] PRICE_KEYS = {"id", "object", "active", "billing_scheme", "created", "currency", "custom_unit_amount", "livemode",
      "lookup_key", "metadata", "nickname", "product", "recurring", "tax_behavior", "tiers_mode", "transform_quantity", "type",
      "unit_amount", "unit_amount_decimal"};
  static final String[] RECURRING_KEYS = {"interval", "interval_count", "meter", "trial_period_days", "usage_type"};

  private AccountService.CreatedAccount merchant;
  private StripeClient stripe;
  private String product;

  @BeforeEach
  void merchantWithAProduct() throws StripeException {
    merchant = TestStack.newMerchant();
    stripe = TestStack.stripe(merchant.testSecretKey());
    product = stripe.v1().products().create(ProductCreateParams.builder().setName("Pro").build()).getId();
  }

  private PriceCreateParams.Builder usd(long amount) {
    return PriceCreateParams.builder().setProduct(product).setCurrency("usd").setUnitAmount(amount);
  }

  private static PriceCreateParams.Recurring every(Interval interval) {
    return PriceCreateParams.Recurring.builder().setInterval(interval).build();
  }

  @Test
  void oneTimePriceWithEveryFieldThenRetrieve() throws StripeException {
    Price created = stripe.v1().prices().create(usd(1250L)
        .setNickname("Setup fee")
        .putMetadata("sku", "SETUP-1")
        .setLookupKey("setup_fee")
        .setTaxBehavior(PriceCreateParams.TaxBehavior.EXCLUSIVE)
        .setActive(false)
        .setBillingScheme(PriceCreateParams.BillingScheme.PER_UNIT)
        .build());
    assertTrue(created.getId().matches("price_[0-9A-Za-z]{24}"), created.getId());
    assertEquals("price", created.getObject());
    assertEquals(false, created.getActive());
    assertEquals("per_unit", created.getBillingScheme());
    assertEquals(TestStack.CLOCK.instant().getEpochSecond(), created.getCreated());
    assertEquals("usd", created.getCurrency());
    assertNull(created.getCustomUnitAmount());
    assertEquals(false, created.getLivemode());
    assertEquals("setup_fee", created.getLookupKey());
    assertEquals(Map.of("sku", "SETUP-1"), created.getMetadata());
    assertEquals("Setup fee", created.getNickname());
    assertEquals(product, created.getProduct());
    assertNull(created.getRecurring());
    assertEquals("exclusive", created.getTaxBehavior());
    assertNull(created.getTiersMode());
    assertNull(created.getTransformQuantity());
    assertEquals("one_time", created.getType());
    assertEquals(1250L, created.getUnitAmount());
    assertEquals(new BigDecimal("1250"), created.getUnitAmountDecimal());
    JsonObject raw = created.getRawJsonObject();
    assertKeys(raw, PRICE_KEYS);
    assertEquals("1250", raw.get("unit_amount_decimal").getAsString()); // a string on Stripe's wire
    assertTrue(raw.get("unit_amount_decimal").getAsJsonPrimitive().isString());
    assertTrue(raw.get("recurring").isJsonNull());

    Price retrieved = stripe.v1().prices().retrieve(created.getId());
    assertEquals(created.getRawJsonObject(), retrieved.getRawJsonObject());
  }

  @Test
  void createWithOnlyTheRequiredFieldsGivesStripesDefaults() throws StripeException {
    Price p = stripe.v1().prices().create(usd(500L).build());
    assertEquals(true, p.getActive());
    assertEquals("per_unit", p.getBillingScheme());
    assertNull(p.getLookupKey());
    assertEquals(Map.of(), p.getMetadata());
    assertNull(p.getNickname());
    assertNull(p.getRecurring());
    assertEquals("unspecified", p.getTaxBehavior());
    assertEquals("one_time", p.getType());
    assertKeys(p.getRawJsonObject(), PRICE_KEYS);

    Price monthly = stripe.v1().prices().create(usd(900L).setRecurring(every(Interval.MONTH)).build());
    assertEquals("recurring", monthly.getType());
    assertEquals("month", monthly.getRecurring().getInterval());
    assertEquals(1L, monthly.getRecurring().getIntervalCount());
    assertNull(monthly.getRecurring().getMeter());
    assertNull(monthly.getRecurring().getTrialPeriodDays());
    assertEquals("licensed", monthly.getRecurring().getUsageType());
    assertKeys(monthly.getRawJsonObject().getAsJsonObject("recurring"), RECURRING_KEYS);
  }

  @Test
  void recurringPricesOfEveryIntervalUpToThreeYears() throws StripeException {
    Map<Interval, Long> longest = Map.of(Interval.DAY, 1095L, Interval.WEEK, 156L, Interval.MONTH, 36L, Interval.YEAR, 3L);
    for (Map.Entry<Interval, Long> e : longest.entrySet()) {
      Price p = stripe.v1().prices().create(usd(100L).setRecurring(PriceCreateParams.Recurring.builder()
          .setInterval(e.getKey()).setIntervalCount(e.getValue()).build()).build());
      assertEquals(e.getKey().getValue(), p.getRecurring().getInterval());
      assertEquals(e.getValue(), p.getRecurring().getIntervalCount());
      assertEquals("recurring", p.getType());
      assertEquals(p.getRawJsonObject(), stripe.v1().prices().retrieve(p.getId()).getRawJsonObject());
    }
    Price quarterly = stripe.v1().prices().create(usd(2700L).setRecurring(PriceCreateParams.Recurring.builder()
        .setInterval(Interval.MONTH).setIntervalCount(3L).setTrialPeriodDays(14L).setUsageType(UsageType.LICENSED).build()).build());
    assertEquals(3L, quarterly.getRecurring().getIntervalCount());
    assertEquals(14L, quarterly.getRecurring().getTrialPeriodDays());
    assertEquals("licensed", quarterly.getRecurring().getUsageType());
    Price metered = stripe.v1().prices().create(usd(2L).setRecurring(PriceCreateParams.Recurring.builder()
        .setInterval(Interval.WEEK).setUsageType(UsageType.METERED).setTrialPeriodDays(0L).build()).build());
    assertEquals("metered", metered.getRecurring().getUsageType());
    assertEquals("week", metered.getRecurring().getInterval());
    assertEquals(0L, metered.getRecurring().getTrialPeriodDays());
    assertNull(metered.getRecurring().getMeter());
    assertKeys(metered.getRawJsonObject().getAsJsonObject("recurring"), RECURRING_KEYS);
  }

  @Test
  void unitAmountDecimalCarriesSubMinorPrecision() throws StripeException {
    Price p = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("usd")
        .setUnitAmountDecimal(new BigDecimal("1250.5")).setRecurring(every(Interval.MONTH)).build());
    assertNull(p.getUnitAmount());
    assertEquals(new BigDecimal("1250.5"), p.getUnitAmountDecimal());
    assertEquals("1250.5", p.getRawJsonObject().get("unit_amount_decimal").getAsString());
    assertTrue(p.getRawJsonObject().get("unit_amount").isJsonNull());
    assertEquals(p.getRawJsonObject(), stripe.v1().prices().retrieve(p.getId()).getRawJsonObject());

    // twelve decimals are allowed, trailing zeros are not kept
    Price fine = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("usd")
        .setUnitAmountDecimal(new BigDecimal("0.123456789012")).build());
    assertEquals("0.123456789012", fine.getRawJsonObject().get("unit_amount_decimal").getAsString());
    Price trailing = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("usd")
        .setUnitAmountDecimal(new BigDecimal("99.500")).build());
    assertEquals("99.5", trailing.getRawJsonObject().get("unit_amount_decimal").getAsString());
  }

  @Test
  void zeroAndThreeDecimalCurrenciesAreNormalisedToLowerCase() throws StripeException {
    Price yen = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("JPY").setUnitAmount(1500L).build());
    assertEquals("jpy", yen.getCurrency());
    assertEquals(1500L, yen.getUnitAmount()); // ¥1,500: no minor unit
    assertEquals(new BigDecimal("1500"), yen.getUnitAmountDecimal());
    Price dinar = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("KWD").setUnitAmount(1005L)
        .setRecurring(every(Interval.YEAR)).build());
    assertEquals("kwd", dinar.getCurrency());
    assertEquals(1005L, dinar.getUnitAmount()); // 1.005 KWD
    Price euro = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("Eur").setUnitAmount(0L).build());
    assertEquals("eur", euro.getCurrency());
    assertEquals(0L, euro.getUnitAmount());

    assertEquals(List.of(yen.getId()), ids(stripe.v1().prices().list(PriceListParams.builder().setCurrency("JPY").build())));
    assertEquals(List.of(dinar.getId()), ids(stripe.v1().prices().list(PriceListParams.builder().setCurrency("kwd").build())));
  }

  @Test
  void productDataCreatesTheProductInTheSameTransaction() throws StripeException {
    String account = merchant.account().id();
    Price price = stripe.v1().prices().create(PriceCreateParams.builder()
        .setCurrency("eur").setUnitAmount(4900L).setRecurring(every(Interval.MONTH))
        .setProductData(PriceCreateParams.ProductData.builder()
            .setName("Team plan").setActive(true).putMetadata("line", "team")
            .setStatementDescriptor("ACME TEAM").setTaxCode("txcd_10103001").setUnitLabel("seat").build())
        .addExpand("product")
        .build());
    Product made = price.getProductObject();
    assertNotNull(made);
    assertTrue(made.getId().matches("prod_[0-9A-Za-z]{24}"), made.getId());
    assertEquals(made.getId(), price.getProduct());
    assertEquals("Team plan", made.getName());
    assertEquals(true, made.getActive());
    assertEquals(Map.of("line", "team"), made.getMetadata());
    assertEquals("ACME TEAM", made.getStatementDescriptor());
    assertEquals("txcd_10103001", made.getTaxCode());
    assertEquals("seat", made.getUnitLabel());
    assertNull(made.getDescription());
    assertEquals(List.of(), made.getImages());
    assertNull(made.getDefaultPrice());
    assertEquals(price.getCreated(), made.getCreated());
    assertKeys(price.getRawJsonObject().getAsJsonObject("product"), PRODUCT_KEYS);

    Product stored = stripe.v1().products().retrieve(made.getId());
    assertEquals(price.getRawJsonObject().getAsJsonObject("product"), stored.getRawJsonObject());
    assertEquals(made.getId(), stripe.v1().prices().retrieve(price.getId()).getProduct());
    assertEquals(List.of(price.getId()), ids(stripe.v1().prices().list(PriceListParams.builder().setProduct(made.getId()).build())));

    assertEquals(new TreeSet<>(List.of("product.created " + made.getId(), "price.created " + price.getId(), "product.created " + product)),
        new TreeSet<>(events(account)));

    // a custom id, and an archived product, are allowed too
    String custom = "team-annual-" + System.nanoTime();
    Price annual = stripe.v1().prices().create(PriceCreateParams.builder()
        .setCurrency("eur").setUnitAmount(49000L).setRecurring(every(Interval.YEAR))
        .setProductData(PriceCreateParams.ProductData.builder().setId(custom).setName("Team (annual)").setActive(false).build())
        .build());
    assertEquals(custom, annual.getProduct());
    assertEquals(false, stripe.v1().products().retrieve(custom).getActive());
  }

  @Test
  void aLookupKeyNamesOnePriceAndMovesOnlyWhenAskedTo() throws StripeException {
    String first = stripe.v1().prices().create(usd(1000L).setLookupKey("pro_monthly").setRecurring(every(Interval.MONTH)).build()).getId();
    InvalidRequestException taken = assertStripeError(InvalidRequestException.class, 400, "lookup_key_taken", "lookup_key",
        () -> stripe.v1().prices().create(usd(1100L).setLookupKey("pro_monthly").setRecurring(every(Interval.MONTH)).build()));
    assertTrue(taken.getStripeError().getMessage().contains(first), taken.getMessage());
    assertTrue(taken.getStripeError().getMessage().contains("transfer_lookup_key"), taken.getMessage());
    assertEquals(1, stripe.v1().prices().list().getData().size(), "the refused price was not created");

    Price second = stripe.v1().prices().create(usd(1100L).setLookupKey("pro_monthly").setTransferLookupKey(true)
        .setRecurring(every(Interval.MONTH)).build());
    assertEquals("pro_monthly", second.getLookupKey());
    assertNull(stripe.v1().prices().retrieve(first).getLookupKey());
    assertEquals(List.of(second.getId()), ids(stripe.v1().prices().list(PriceListParams.builder().addLookupKey("pro_monthly").build())));

    // on update likewise: refused, then moved back with transfer_lookup_key
    assertStripeError(InvalidRequestException.class, 400, "lookup_key_taken", "lookup_key",
        () -> stripe.v1().prices().update(first, PriceUpdateParams.builder().setLookupKey("pro_monthly").build()));
    assertEquals("pro_monthly", stripe.v1().prices().retrieve(second.getId()).getLookupKey());
    Price back = stripe.v1().prices().update(first, PriceUpdateParams.builder().setLookupKey("pro_monthly").setTransferLookupKey(true).build());
    assertEquals("pro_monthly", back.getLookupKey());
    assertNull(stripe.v1().prices().retrieve(second.getId()).getLookupKey());
    assertEquals(List.of(first), ids(stripe.v1().prices().list(PriceListParams.builder().addLookupKey("pro_monthly").build())));

    // a price may keep its own key (no transfer needed), and may give it up; then the key is free
    assertEquals("pro_monthly", stripe.v1().prices().update(first, PriceUpdateParams.builder().setLookupKey("pro_monthly").build()).getLookupKey());
    Price renamed = stripe.v1().prices().update(first, PriceUpdateParams.builder().setLookupKey("pro_monthly_v2").build());
    assertEquals("pro_monthly_v2", renamed.getLookupKey());
    assertEquals(List.of(), ids(stripe.v1().prices().list(PriceListParams.builder().addLookupKey("pro_monthly").build())));
    assertEquals("pro_monthly", stripe.v1().prices().update(second.getId(), PriceUpdateParams.builder().setLookupKey("pro_monthly").build())
        .getLookupKey());
    assertNull(stripe.v1().prices().update(first, PriceUpdateParams.builder().setLookupKey(EmptyParam.EMPTY).build()).getLookupKey());
    assertEquals("pro_monthly_v2", stripe.v1().prices().create(usd(1).setLookupKey("pro_monthly_v2").build()).getLookupKey());

    // lookup keys are per account: another merchant may use the same one
    StripeClient other = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String theirProduct = other.v1().products().create(ProductCreateParams.builder().setName("Theirs").build()).getId();
    assertEquals("pro_monthly", other.v1().prices().create(PriceCreateParams.builder().setProduct(theirProduct).setCurrency("usd")
        .setUnitAmount(5L).setLookupKey("pro_monthly").build()).getLookupKey());
    assertEquals(second.getId(), stripe.v1().prices().list(PriceListParams.builder().addLookupKey("pro_monthly").build()).getData().get(0).getId());
  }

  @Test
  void updateChangesWhatStripeLetsChange() throws StripeException {
    Price created = stripe.v1().prices().create(usd(1500L).setNickname("Monthly").putMetadata("a", "1").putMetadata("b", "2")
        .setRecurring(every(Interval.MONTH)).build());
    assertEquals("unspecified", created.getTaxBehavior());

    Price updated = stripe.v1().prices().update(created.getId(), PriceUpdateParams.builder()
        .setActive(false).setNickname("Monthly (legacy)").putMetadata("a", "").putMetadata("c", "3").setLookupKey("legacy_monthly")
        .setTaxBehavior(PriceUpdateParams.TaxBehavior.INCLUSIVE).build());
    assertEquals(false, updated.getActive());
    assertEquals("Monthly (legacy)", updated.getNickname());
    assertEquals(Map.of("b", "2", "c", "3"), updated.getMetadata());
    assertEquals("legacy_monthly", updated.getLookupKey());
    assertEquals("inclusive", updated.getTaxBehavior());
    // the amount, currency, recurrence and product never change
    assertEquals(1500L, updated.getUnitAmount());
    assertEquals("usd", updated.getCurrency());
    assertEquals("month", updated.getRecurring().getInterval());
    assertEquals(product, updated.getProduct());
    assertEquals(created.getCreated(), updated.getCreated());
    assertEquals(updated.getRawJsonObject(), stripe.v1().prices().retrieve(created.getId()).getRawJsonObject());

    // tax_behavior is set once: the same value again is fine, another is refused
    assertEquals("inclusive", stripe.v1().prices().update(created.getId(), PriceUpdateParams.builder()
        .setTaxBehavior(PriceUpdateParams.TaxBehavior.INCLUSIVE).build()).getTaxBehavior());
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "tax_behavior",
        () -> stripe.v1().prices().update(created.getId(), PriceUpdateParams.builder().setTaxBehavior(PriceUpdateParams.TaxBehavior.EXCLUSIVE).build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "tax_behavior",
        () -> stripe.v1().prices().update(created.getId(), PriceUpdateParams.builder().setTaxBehavior(PriceUpdateParams.TaxBehavior.UNSPECIFIED).build()));
    Price exclusiveFromTheStart = stripe.v1().prices().create(usd(1L).setTaxBehavior(PriceCreateParams.TaxBehavior.EXCLUSIVE).build());
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "tax_behavior",
        () -> stripe.v1().prices().update(exclusiveFromTheStart.getId(), PriceUpdateParams.builder()
            .setTaxBehavior(PriceUpdateParams.TaxBehavior.INCLUSIVE).build()));

    // "" clears nickname and metadata; active comes back
    Price cleared = stripe.v1().prices().update(created.getId(), PriceUpdateParams.builder()
        .setNickname(EmptyParam.EMPTY).setMetadata(EmptyParam.EMPTY).setActive(true).build());
    assertNull(cleared.getNickname());
    assertEquals(Map.of(), cleared.getMetadata());
    assertEquals(true, cleared.getActive());
    assertEquals("legacy_monthly", cleared.getLookupKey());
    assertKeys(cleared.getRawJsonObject(), PRICE_KEYS);

    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().prices().update("price_doesnotexist", PriceUpdateParams.builder().setNickname("x").build()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().prices().retrieve("price_doesnotexist"));
  }

  @Test
  void updatesAreRecordedAsEvents() throws StripeException {
    String account = merchant.account().id();
    Price a = stripe.v1().prices().create(usd(10L).setLookupKey("k").build());
    Price b = stripe.v1().prices().create(usd(20L).build());
    stripe.v1().prices().update(b.getId(), PriceUpdateParams.builder().setLookupKey("k").setTransferLookupKey(true).build());
    // nothing changes: no event
    stripe.v1().prices().update(b.getId(), PriceUpdateParams.builder().setLookupKey("k").build());
    List<String> expected = new ArrayList<>(List.of("product.created " + product, "price.created " + a.getId(), "price.created " + b.getId(),
        "price.updated " + a.getId(), "price.updated " + b.getId())); // a loses the key, b takes it
    expected.sort(null);
    List<String> events = events(account);
    events.sort(null);
    assertEquals(expected, events);
  }

  @Test
  void expandProductOnRetrieveCreateUpdateAndList() throws StripeException {
    Price created = stripe.v1().prices().create(usd(700L).addExpand("product").build());
    assertEquals(product, created.getProduct());
    assertEquals("Pro", created.getProductObject().getName());
    assertKeys(created.getRawJsonObject().getAsJsonObject("product"), PRODUCT_KEYS);

    Price plain = stripe.v1().prices().retrieve(created.getId());
    assertNull(plain.getProductObject());
    assertEquals(product, plain.getProduct());
    assertTrue(plain.getRawJsonObject().get("product").getAsJsonPrimitive().isString());

    Price expanded = stripe.v1().prices().retrieve(created.getId(), PriceRetrieveParams.builder().addExpand("product").build());
    assertEquals("Pro", expanded.getProductObject().getName());
    assertEquals(created.getRawJsonObject(), expanded.getRawJsonObject());

    Price updated = stripe.v1().prices().update(created.getId(), PriceUpdateParams.builder().setNickname("n").addExpand("product").build());
    assertEquals("Pro", updated.getProductObject().getName());
    assertEquals("n", updated.getNickname());

    StripeCollection<Price> list = stripe.v1().prices().list(PriceListParams.builder().addExpand("data.product").build());
    assertEquals("Pro", list.getData().get(0).getProductObject().getName());
    assertKeys(list.getRawJsonObject().getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonObject("product"), PRODUCT_KEYS);

    // on a list the path is data.product; other paths are refused
    assertStripeError(InvalidRequestException.class, 400, "expand_invalid", "expand",
        () -> stripe.v1().prices().list(PriceListParams.builder().addExpand("product").build()));
    assertStripeError(InvalidRequestException.class, 400, "expand_invalid", "expand",
        () -> stripe.v1().prices().retrieve(created.getId(), PriceRetrieveParams.builder().addExpand("data.product").build()));
    assertStripeError(InvalidRequestException.class, 400, "expand_invalid", "expand",
        () -> stripe.v1().prices().retrieve(created.getId(), PriceRetrieveParams.builder().addExpand("currency_options").build()));
  }

  @Test
  void listFiltersAndPaginates() throws StripeException {
    String other = stripe.v1().products().create(ProductCreateParams.builder().setName("Other").build()).getId();
    List<String> made = new ArrayList<>(); // oldest first
    made.add(create(usd(1000L)));                                                                          // a1: one_time usd
    made.add(create(usd(1500L).setRecurring(every(Interval.MONTH))));                                      // a2: month licensed usd
    made.add(create(PriceCreateParams.builder().setProduct(product).setCurrency("eur").setUnitAmount(15000L)
        .setRecurring(every(Interval.YEAR)).setActive(false)));                                             // a3: year eur, inactive
    made.add(create(usd(3L).setLookupKey("a4").setRecurring(PriceCreateParams.Recurring.builder()
        .setInterval(Interval.MONTH).setUsageType(UsageType.METERED).build())));                           // a4: month metered usd
    made.add(create(PriceCreateParams.builder().setProduct(other).setCurrency("jpy").setUnitAmount(300L).setLookupKey("b1")
        .setRecurring(every(Interval.WEEK))));                                                             // b1: week jpy, other product
    String a1 = made.get(0);
    String a2 = made.get(1);
    String a3 = made.get(2);
    String a4 = made.get(3);
    String b1 = made.get(4);

    StripeCollection<Price> all = stripe.v1().prices().list();
    assertEquals("/v1/prices", all.getUrl());
    assertEquals("list", all.getObject());
    assertKeys(all.getRawJsonObject(), "object", "data", "has_more", "url");
    assertEquals(List.of(b1, a4, a3, a2, a1), ids(all));
    assertKeys(all.getRawJsonObject().getAsJsonArray("data").get(0).getAsJsonObject(), PRICE_KEYS);

    assertEquals(List.of(a4, a3, a2, a1), ids(list(PriceListParams.builder().setProduct(product))));
    assertEquals(List.of(b1), ids(list(PriceListParams.builder().setProduct(other))));
    assertEquals(List.of(a3), ids(list(PriceListParams.builder().setActive(false))));
    assertEquals(List.of(b1, a4, a2, a1), ids(list(PriceListParams.builder().setActive(true))));
    assertEquals(List.of(a1), ids(list(PriceListParams.builder().setType(PriceListParams.Type.ONE_TIME))));
    assertEquals(List.of(b1, a4, a3, a2), ids(list(PriceListParams.builder().setType(PriceListParams.Type.RECURRING))));
    assertEquals(List.of(a4, a2, a1), ids(list(PriceListParams.builder().setCurrency("usd"))));
    assertEquals(List.of(a3), ids(list(PriceListParams.builder().setCurrency("EUR"))));
    assertEquals(List.of(a4, a2), ids(list(PriceListParams.builder().setRecurring(PriceListParams.Recurring.builder()
        .setInterval(PriceListParams.Recurring.Interval.MONTH).build()))));
    assertEquals(List.of(b1), ids(list(PriceListParams.builder().setRecurring(PriceListParams.Recurring.builder()
        .setInterval(PriceListParams.Recurring.Interval.WEEK).build()))));
    assertEquals(List.of(a4), ids(list(PriceListParams.builder().setRecurring(PriceListParams.Recurring.builder()
        .setUsageType(PriceListParams.Recurring.UsageType.METERED).build()))));
    assertEquals(List.of(b1, a3, a2), ids(list(PriceListParams.builder().setRecurring(PriceListParams.Recurring.builder()
        .setUsageType(PriceListParams.Recurring.UsageType.LICENSED).build()))));
    assertEquals(List.of(a2), ids(list(PriceListParams.builder().setProduct(product).setCurrency("usd").setRecurring(
        PriceListParams.Recurring.builder().setInterval(PriceListParams.Recurring.Interval.MONTH)
            .setUsageType(PriceListParams.Recurring.UsageType.LICENSED).build()))));
    assertEquals(List.of(), ids(list(PriceListParams.builder().setProduct(other).setCurrency("usd"))));

    // lookup_keys: the prices holding them, filtered like the rest
    assertEquals(new TreeSet<>(List.of(a4, b1)), new TreeSet<>(ids(list(PriceListParams.builder()
        .addLookupKey("a4").addLookupKey("b1").addLookupKey("nobody")))));
    assertEquals(List.of(a4), ids(list(PriceListParams.builder().addLookupKey("a4").addLookupKey("b1").setProduct(product))));
    assertEquals(List.of(b1), ids(list(PriceListParams.builder().addLookupKey("a4").addLookupKey("b1").setCurrency("jpy"))));
    assertEquals(List.of(), ids(list(PriceListParams.builder().addLookupKey("a4").setActive(false))));

    // pagination, both ways, with and without a filter
    StripeCollection<Price> page1 = list(PriceListParams.builder().setLimit(2L));
    assertEquals(List.of(b1, a4), ids(page1));
    assertEquals(true, page1.getHasMore());
    StripeCollection<Price> page2 = list(PriceListParams.builder().setLimit(2L).setStartingAfter(a4));
    assertEquals(List.of(a3, a2), ids(page2));
    assertEquals(true, page2.getHasMore());
    StripeCollection<Price> page3 = list(PriceListParams.builder().setLimit(2L).setStartingAfter(a2));
    assertEquals(List.of(a1), ids(page3));
    assertEquals(false, page3.getHasMore());
    StripeCollection<Price> back = list(PriceListParams.builder().setLimit(2L).setEndingBefore(a1));
    assertEquals(List.of(a3, a2), ids(back));
    assertEquals(true, back.getHasMore());
    StripeCollection<Price> ofProduct1 = list(PriceListParams.builder().setProduct(product).setLimit(3L));
    assertEquals(List.of(a4, a3, a2), ids(ofProduct1));
    assertEquals(true, ofProduct1.getHasMore());
    StripeCollection<Price> ofProduct2 = list(PriceListParams.builder().setProduct(product).setLimit(3L).setStartingAfter(a2));
    assertEquals(List.of(a1), ids(ofProduct2));
    assertEquals(false, ofProduct2.getHasMore());
    StripeCollection<Price> ofProductBack = list(PriceListParams.builder().setProduct(product).setLimit(2L).setEndingBefore(a2));
    assertEquals(List.of(a4, a3), ids(ofProductBack));
    assertEquals(false, ofProductBack.getHasMore());
    StripeCollection<Price> usdPage = list(PriceListParams.builder().setCurrency("usd").setLimit(1L).setStartingAfter(a4));
    assertEquals(List.of(a2), ids(usdPage));
    assertEquals(true, usdPage.getHasMore());

    List<String> paged = new ArrayList<>();
    for (Price p : list(PriceListParams.builder().setLimit(2L)).autoPagingIterable()) paged.add(p.getId());
    assertEquals(List.of(b1, a4, a3, a2, a1), paged);

    // another merchant's prices are not listed
    StripeClient someoneElse = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    assertEquals(List.of(), ids(someoneElse.v1().prices().list()));
    assertEquals(List.of(), ids(someoneElse.v1().prices().list(PriceListParams.builder().setProduct(product).build())));
    assertEquals(List.of(), ids(someoneElse.v1().prices().list(PriceListParams.builder().addLookupKey("a4").build())));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> someoneElse.v1().prices().retrieve(a1));
  }

  private String create(PriceCreateParams.Builder params) throws StripeException {
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    return stripe.v1().prices().create(params.build()).getId();
  }

  private StripeCollection<Price> list(PriceListParams.Builder params) throws StripeException {
    return stripe.v1().prices().list(params.build());
  }

  static List<String> ids(StripeCollection<Price> list) {
    return list.getData().stream().map(Price::getId).toList();
  }

  /** The events recorded for an account's test mode, as "type object_id" (events are BillingTable items of kind "event"). */
  static List<String> events(String accountId) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":event", AttributeValue.fromS("event"));
    values.put(":scope", AttributeValue.fromS(accountId + ":test"));
    List<String> out = new ArrayList<>();
    var pages = TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName("BillingTable")
        .filterExpression("kind = :event AND #scope = :scope")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(values).consistentRead(true).build());
    for (var page : pages) {
      for (Map<String, AttributeValue> item : page.items()) {
        String objectId = item.get("data").m().get("data").m().get("object").m().get("id").s();
        out.add(item.get("event_type").s() + " " + objectId);
      }
    }
    return out;
  }
}
