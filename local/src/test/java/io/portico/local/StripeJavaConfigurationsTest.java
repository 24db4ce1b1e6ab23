package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeCollection;
import com.stripe.model.billingportal.Configuration;
import com.stripe.model.billingportal.Configuration.Features.SubscriptionUpdate.Product;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features.CustomerUpdate.AllowedUpdate;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features.SubscriptionCancel.CancellationReason.Option;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features.SubscriptionUpdate.DefaultAllowedUpdate;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features.SubscriptionUpdate.ScheduleAtPeriodEnd.Condition;
import com.stripe.param.billingportal.ConfigurationListParams;
import com.stripe.param.billingportal.ConfigurationRetrieveParams;
import com.stripe.param.billingportal.ConfigurationUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.common.EmptyParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** billing_portal.configuration through the real stripe-java client: what we send comes back, field for field. */
class StripeJavaConfigurationsTest {

  /** Every parameter Stripe's create endpoint takes, each set to a non-default value. */
  /** Real products and prices for plan switching: configurations may only offer what exists. */
  record Catalog(String basic, String basicMonth, String basicYear, String pro, String proMonth, String enterprise, String enterpriseYear) {
    static Catalog create(StripeClient stripe) {
      try {
        String basic = product(stripe, "Basic");
        String pro = product(stripe, "Pro");
        String enterprise = product(stripe, "Enterprise");
        return new Catalog(basic, price(stripe, basic, "month"), price(stripe, basic, "year"), pro, price(stripe, pro, "month"), enterprise,
            price(stripe, enterprise, "year"));
      } catch (StripeException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String product(StripeClient stripe, String name) throws StripeException {
      return stripe.v1().products().create(com.stripe.param.ProductCreateParams.builder().setName(name).build()).getId();
    }

    private static String price(StripeClient stripe, String product, String interval) throws StripeException {
      return stripe.v1().prices().create(com.stripe.param.PriceCreateParams.builder().setProduct(product).setCurrency("usd")
          .setUnitAmount(1000L).setRecurring(com.stripe.param.PriceCreateParams.Recurring.builder()
              .setInterval(com.stripe.param.PriceCreateParams.Recurring.Interval.valueOf(interval.toUpperCase())).build())
          .build()).getId();
    }
  }

  static ConfigurationCreateParams everyFeature(Catalog catalog) {
    Features.SubscriptionUpdate.Product.AdjustableQuantity quantity1to10 = Features.SubscriptionUpdate.Product.AdjustableQuantity.builder()
        .setEnabled(true).setMinimum(1L).setMaximum(10L).build();
    return ConfigurationCreateParams.builder()
        .setBusinessProfile(ConfigurationCreateParams.BusinessProfile.builder()
            .setHeadline("Acme: manage your plan")
            .setPrivacyPolicyUrl("https://acme.example/privacy")
            .setTermsOfServiceUrl("https://acme.example/terms")
            .build())
        .setDefaultReturnUrl("https://acme.example/account")
        .setFeatures(Features.builder()
            .setCustomerUpdate(Features.CustomerUpdate.builder()
                .setEnabled(true)
                .addAllowedUpdate(AllowedUpdate.EMAIL).addAllowedUpdate(AllowedUpdate.ADDRESS).addAllowedUpdate(AllowedUpdate.NAME)
                .addAllowedUpdate(AllowedUpdate.PHONE).addAllowedUpdate(AllowedUpdate.SHIPPING).addAllowedUpdate(AllowedUpdate.TAX_ID)
                .build())
            .setInvoiceHistory(Features.InvoiceHistory.builder().setEnabled(true).build())
            .setPaymentMethodUpdate(Features.PaymentMethodUpdate.builder().setEnabled(true).build())
            .setSubscriptionCancel(Features.SubscriptionCancel.builder()
                .setEnabled(true)
                .setMode(Features.SubscriptionCancel.Mode.IMMEDIATELY)
                .setProrationBehavior(Features.SubscriptionCancel.ProrationBehavior.CREATE_PRORATIONS)
                .setCancellationReason(Features.SubscriptionCancel.CancellationReason.builder()
                    .setEnabled(true)
                    .addOption(Option.TOO_EXPENSIVE).addOption(Option.MISSING_FEATURES).addOption(Option.OTHER)
                    .build())
                .build())
            .setSubscriptionUpdate(Features.SubscriptionUpdate.builder()
                .setEnabled(true)
                .addDefaultAllowedUpdate(DefaultAllowedUpdate.PRICE).addDefaultAllowedUpdate(DefaultAllowedUpdate.QUANTITY)
                .addDefaultAllowedUpdate(DefaultAllowedUpdate.PROMOTION_CODE)
                .addProduct(Features.SubscriptionUpdate.Product.builder()
                    .setProduct(catalog.basic()).addPrice(catalog.basicMonth()).addPrice(catalog.basicYear())
                    .setAdjustableQuantity(quantity1to10)
                    .build())
                .addProduct(Features.SubscriptionUpdate.Product.builder()
                    .setProduct(catalog.pro()).addPrice(catalog.proMonth())
                    .build())
                .setProrationBehavior(Features.SubscriptionUpdate.ProrationBehavior.ALWAYS_INVOICE)
                .setScheduleAtPeriodEnd(Features.SubscriptionUpdate.ScheduleAtPeriodEnd.builder()
                    .addCondition(Condition.builder().setType(Condition.Type.DECREASING_ITEM_AMOUNT).build())
                    .addCondition(Condition.builder().setType(Condition.Type.SHORTENING_INTERVAL).build())
                    .build())
                .setTrialUpdateBehavior(Features.SubscriptionUpdate.TrialUpdateBehavior.CONTINUE_TRIAL)
                .setBillingCycleAnchor(Features.SubscriptionUpdate.BillingCycleAnchor.NOW)
                .build())
            .build())
        .setLoginPage(ConfigurationCreateParams.LoginPage.builder().setEnabled(true).build())
        .putMetadata("plan", "gold")
        .putMetadata("team", "billing")
        .setName("Acme portal")
        .build();
  }

  /** Asserts a configuration is exactly what {@link #everyFeature} asked for. */
  static void assertEveryFeature(Configuration c, Catalog catalog) {
    assertEveryFeature(c, c.getRawJsonObject(), catalog);
  }

  /** {@code raw}: the object as sent (stripe-java keeps raw JSON only for a response's top-level object). */
  static void assertEveryFeature(Configuration c, JsonObject raw, Catalog catalog) {
    assertTrue(c.getId().startsWith("bpc_"), c.getId());
    assertEquals("billing_portal.configuration", c.getObject());
    assertEquals(true, c.getActive());
    assertNull(c.getApplication());
    assertEquals("Acme: manage your plan", c.getBusinessProfile().getHeadline());
    assertEquals("https://acme.example/privacy", c.getBusinessProfile().getPrivacyPolicyUrl());
    assertEquals("https://acme.example/terms", c.getBusinessProfile().getTermsOfServiceUrl());
    assertEquals("https://acme.example/account", c.getDefaultReturnUrl());
    assertEquals(false, c.getIsDefault());
    assertEquals(false, c.getLivemode());
    assertEquals(Map.of("plan", "gold", "team", "billing"), c.getMetadata());
    assertEquals("Acme portal", c.getName());
    assertEquals(true, c.getLoginPage().getEnabled());
    assertTrue(c.getLoginPage().getUrl().startsWith(TestStack.get().baseUrl() + "/p/login/"), c.getLoginPage().getUrl());

    Configuration.Features f = c.getFeatures();
    assertEquals(true, f.getCustomerUpdate().getEnabled());
    assertEquals(List.of("email", "address", "name", "phone", "shipping", "tax_id"), f.getCustomerUpdate().getAllowedUpdates());
    assertEquals(true, f.getInvoiceHistory().getEnabled());
    assertEquals(true, f.getPaymentMethodUpdate().getEnabled());
    assertNull(f.getPaymentMethodUpdate().getPaymentMethodConfiguration());

    Configuration.Features.SubscriptionCancel cancel = f.getSubscriptionCancel();
    assertEquals(true, cancel.getEnabled());
    assertEquals("immediately", cancel.getMode());
    assertEquals("create_prorations", cancel.getProrationBehavior());
    assertEquals(true, cancel.getCancellationReason().getEnabled());
    assertEquals(List.of("too_expensive", "missing_features", "other"), cancel.getCancellationReason().getOptions());

    Configuration.Features.SubscriptionUpdate update = f.getSubscriptionUpdate();
    assertEquals(true, update.getEnabled());
    assertEquals(List.of("price", "quantity", "promotion_code"), update.getDefaultAllowedUpdates());
    assertEquals("always_invoice", update.getProrationBehavior());
    assertEquals("continue_trial", update.getTrialUpdateBehavior());
    assertEquals("now", update.getBillingCycleAnchor());
    assertEquals(List.of("decreasing_item_amount", "shortening_interval"),
        update.getScheduleAtPeriodEnd().getConditions().stream().map(x -> x.getType()).toList());
    assertEquals(2, update.getProducts().size());
    Product basic = update.getProducts().get(0);
    assertEquals(catalog.basic(), basic.getProduct());
    assertEquals(List.of(catalog.basicMonth(), catalog.basicYear()), basic.getPrices());
    assertEquals(true, basic.getAdjustableQuantity().getEnabled());
    assertEquals(1L, basic.getAdjustableQuantity().getMinimum());
    assertEquals(10L, basic.getAdjustableQuantity().getMaximum());
    Product pro = update.getProducts().get(1);
    assertEquals(catalog.pro(), pro.getProduct());
    assertEquals(List.of(catalog.proMonth()), pro.getPrices());
    // adjustable_quantity not sent: Stripe's defaults
    assertEquals(false, pro.getAdjustableQuantity().getEnabled());
    assertEquals(1L, pro.getAdjustableQuantity().getMinimum());
    assertNull(pro.getAdjustableQuantity().getMaximum());
    assertSchemaKeys(raw);
  }

  /** Every key of Stripe's schema is on the wire, nulls included, at each level (plus Portico's allowed_origins extension). */
  static void assertSchemaKeys(JsonObject json) {
    assertKeys(json, "id", "object", "active", "application", "business_profile", "created", "default_return_url", "features",
        "is_default", "livemode", "login_page", "metadata", "name", "updated", "allowed_origins");
    assertKeys(json.getAsJsonObject("business_profile"), "headline", "privacy_policy_url", "terms_of_service_url");
    assertKeys(json.getAsJsonObject("login_page"), "enabled", "url");
    JsonObject f = json.getAsJsonObject("features");
    assertKeys(f, "customer_update", "invoice_history", "payment_method_update", "subscription_cancel", "subscription_update");
    assertKeys(f.getAsJsonObject("customer_update"), "allowed_updates", "enabled");
    assertKeys(f.getAsJsonObject("invoice_history"), "enabled");
    assertKeys(f.getAsJsonObject("payment_method_update"), "enabled", "payment_method_configuration");
    assertKeys(f.getAsJsonObject("subscription_cancel"), "cancellation_reason", "enabled", "mode", "proration_behavior");
    assertKeys(f.getAsJsonObject("subscription_cancel").getAsJsonObject("cancellation_reason"), "enabled", "options");
    JsonObject su = f.getAsJsonObject("subscription_update");
    assertKeys(su, "billing_cycle_anchor", "default_allowed_updates", "enabled", "products", "proration_behavior",
        "schedule_at_period_end", "trial_update_behavior");
    assertKeys(su.getAsJsonObject("schedule_at_period_end"), "conditions");
    for (var product : su.getAsJsonArray("products")) {
      assertKeys(product.getAsJsonObject(), "adjustable_quantity", "prices", "product");
      assertKeys(product.getAsJsonObject().getAsJsonObject("adjustable_quantity"), "enabled", "maximum", "minimum");
    }
  }

  @Test
  void createWithEveryFeatureRoundTripsThroughCreateRetrieveAndList() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    long now = TestStack.CLOCK.instant().getEpochSecond();

    Catalog catalog = Catalog.create(stripe);
    Configuration created = stripe.v1().billingPortal().configurations().create(everyFeature(catalog));
    assertEveryFeature(created, catalog);
    assertEquals(now, created.getCreated());
    assertEquals(now, created.getUpdated());

    Configuration retrieved = stripe.v1().billingPortal().configurations().retrieve(created.getId());
    assertEveryFeature(retrieved, catalog);
    assertEquals(created.getLoginPage().getUrl(), retrieved.getLoginPage().getUrl());
    assertEquals(created.getCreated(), retrieved.getCreated());

    // application is the one expandable field (always null here: no Connect applications)
    Configuration expanded = stripe.v1().billingPortal().configurations().retrieve(created.getId(),
        ConfigurationRetrieveParams.builder().addExpand("application").build());
    assertNull(expanded.getApplication());
    assertNull(expanded.getApplicationObject());
    assertEquals(retrieved.getRawJsonObject(), expanded.getRawJsonObject());

    StripeCollection<Configuration> list = stripe.v1().billingPortal().configurations().list(
        ConfigurationListParams.builder().addExpand("data.application").build());
    assertEquals(1, list.getData().size());
    assertEveryFeature(list.getData().get(0), list.getRawJsonObject().getAsJsonArray("data").get(0).getAsJsonObject(), catalog);
  }

  @Test
  void createWithOnlyRequiredFeatureGetsStripesDefaults() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Configuration c = stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder()
        .setFeatures(Features.builder().setInvoiceHistory(Features.InvoiceHistory.builder().setEnabled(true).build()).build())
        .build());

    assertEquals(true, c.getActive());
    assertNull(c.getApplication());
    assertNull(c.getBusinessProfile().getHeadline());
    assertNull(c.getBusinessProfile().getPrivacyPolicyUrl());
    assertNull(c.getBusinessProfile().getTermsOfServiceUrl());
    assertNull(c.getDefaultReturnUrl());
    assertEquals(false, c.getIsDefault());
    assertEquals(false, c.getLivemode());
    assertEquals(false, c.getLoginPage().getEnabled());
    assertNull(c.getLoginPage().getUrl());
    assertEquals(Map.of(), c.getMetadata());
    assertNull(c.getName());
    assertEquals(c.getCreated(), c.getUpdated());

    Configuration.Features f = c.getFeatures();
    assertEquals(false, f.getCustomerUpdate().getEnabled());
    assertEquals(List.of(), f.getCustomerUpdate().getAllowedUpdates());
    assertEquals(true, f.getInvoiceHistory().getEnabled());
    assertEquals(false, f.getPaymentMethodUpdate().getEnabled());
    assertNull(f.getPaymentMethodUpdate().getPaymentMethodConfiguration());
    assertEquals(false, f.getSubscriptionCancel().getEnabled());
    assertEquals("at_period_end", f.getSubscriptionCancel().getMode());
    assertEquals("none", f.getSubscriptionCancel().getProrationBehavior());
    assertEquals(false, f.getSubscriptionCancel().getCancellationReason().getEnabled());
    assertEquals(List.of(), f.getSubscriptionCancel().getCancellationReason().getOptions());
    assertEquals(false, f.getSubscriptionUpdate().getEnabled());
    assertEquals(List.of(), f.getSubscriptionUpdate().getDefaultAllowedUpdates());
    assertEquals(List.of(), f.getSubscriptionUpdate().getProducts());
    assertEquals("none", f.getSubscriptionUpdate().getProrationBehavior());
    assertEquals(List.of(), f.getSubscriptionUpdate().getScheduleAtPeriodEnd().getConditions());
    assertEquals("end_trial", f.getSubscriptionUpdate().getTrialUpdateBehavior());
    assertNull(f.getSubscriptionUpdate().getBillingCycleAnchor());
    assertSchemaKeys(c.getRawJsonObject());
  }

  @Test
  void updateChangesWhatIsSentUnsetsEmptyStringsAndKeepsTheRest() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Catalog catalog = Catalog.create(stripe);
    Configuration created = stripe.v1().billingPortal().configurations().create(everyFeature(catalog));
    TestStack.CLOCK.advance(Duration.ofSeconds(1));

    ConfigurationUpdateParams.Features.SubscriptionUpdate.Product enterprise = ConfigurationUpdateParams.Features.SubscriptionUpdate.Product
        .builder().setProduct(catalog.enterprise()).addPrice(catalog.enterpriseYear()).build();
    Configuration updated = stripe.v1().billingPortal().configurations().update(created.getId(), ConfigurationUpdateParams.builder()
        .setName(EmptyParam.EMPTY)
        .putMetadata("team", "")
        .putMetadata("tier", "2")
        .setDefaultReturnUrl(EmptyParam.EMPTY)
        .setBusinessProfile(ConfigurationUpdateParams.BusinessProfile.builder().setHeadline(EmptyParam.EMPTY).build())
        .setFeatures(ConfigurationUpdateParams.Features.builder()
            .setCustomerUpdate(ConfigurationUpdateParams.Features.CustomerUpdate.builder().setAllowedUpdates(EmptyParam.EMPTY).build())
            .setSubscriptionCancel(ConfigurationUpdateParams.Features.SubscriptionCancel.builder()
                .setMode(ConfigurationUpdateParams.Features.SubscriptionCancel.Mode.AT_PERIOD_END).build())
            .setSubscriptionUpdate(ConfigurationUpdateParams.Features.SubscriptionUpdate.builder()
                .setProducts(List.of(enterprise))
                .setDefaultAllowedUpdates(List.of(ConfigurationUpdateParams.Features.SubscriptionUpdate.DefaultAllowedUpdate.PRICE))
                .setScheduleAtPeriodEnd(ConfigurationUpdateParams.Features.SubscriptionUpdate.ScheduleAtPeriodEnd.builder()
                    .setConditions(EmptyParam.EMPTY).build())
                .build())
            .build())
        .setLoginPage(ConfigurationUpdateParams.LoginPage.builder().setEnabled(false).build())
        .build());

    assertEquals(created.getId(), updated.getId());
    assertEquals(created.getCreated(), updated.getCreated());
    assertEquals(created.getCreated() + 1, updated.getUpdated());
    assertNull(updated.getName());
    assertEquals(Map.of("plan", "gold", "tier", "2"), updated.getMetadata());
    assertNull(updated.getDefaultReturnUrl());
    assertNull(updated.getBusinessProfile().getHeadline());
    assertEquals("https://acme.example/privacy", updated.getBusinessProfile().getPrivacyPolicyUrl());
    assertEquals("https://acme.example/terms", updated.getBusinessProfile().getTermsOfServiceUrl());
    assertEquals(false, updated.getLoginPage().getEnabled());
    assertNull(updated.getLoginPage().getUrl());

    Configuration.Features f = updated.getFeatures();
    assertEquals(true, f.getCustomerUpdate().getEnabled());
    assertEquals(List.of(), f.getCustomerUpdate().getAllowedUpdates());
    assertEquals(true, f.getInvoiceHistory().getEnabled());
    assertEquals(true, f.getPaymentMethodUpdate().getEnabled());
    assertEquals("at_period_end", f.getSubscriptionCancel().getMode());
    assertEquals("create_prorations", f.getSubscriptionCancel().getProrationBehavior());
    assertEquals(List.of("too_expensive", "missing_features", "other"), f.getSubscriptionCancel().getCancellationReason().getOptions());
    assertEquals(true, f.getSubscriptionUpdate().getEnabled());
    assertEquals(List.of("price"), f.getSubscriptionUpdate().getDefaultAllowedUpdates());
    assertEquals(1, f.getSubscriptionUpdate().getProducts().size());
    assertEquals(catalog.enterprise(), f.getSubscriptionUpdate().getProducts().get(0).getProduct());
    assertEquals(List.of(catalog.enterpriseYear()), f.getSubscriptionUpdate().getProducts().get(0).getPrices());
    assertEquals(List.of(), f.getSubscriptionUpdate().getScheduleAtPeriodEnd().getConditions());
    assertEquals("always_invoice", f.getSubscriptionUpdate().getProrationBehavior());
    assertEquals("continue_trial", f.getSubscriptionUpdate().getTrialUpdateBehavior());
    assertEquals("now", f.getSubscriptionUpdate().getBillingCycleAnchor());
    assertSchemaKeys(updated.getRawJsonObject());

    Configuration retrieved = stripe.v1().billingPortal().configurations().retrieve(created.getId());
    assertEquals(updated.getRawJsonObject(), retrieved.getRawJsonObject());

    // metadata="" clears every key, products="" empties the plan list; active=false deactivates
    Configuration cleared = stripe.v1().billingPortal().configurations().update(created.getId(), ConfigurationUpdateParams.builder()
        .setMetadata(EmptyParam.EMPTY)
        .setActive(false)
        .setFeatures(ConfigurationUpdateParams.Features.builder()
            .setSubscriptionUpdate(ConfigurationUpdateParams.Features.SubscriptionUpdate.builder()
                .setProducts(EmptyParam.EMPTY)
                .setDefaultAllowedUpdates(List.of(ConfigurationUpdateParams.Features.SubscriptionUpdate.DefaultAllowedUpdate.QUANTITY))
                .build())
            .build())
        .build());
    assertEquals(Map.of(), cleared.getMetadata());
    assertEquals(false, cleared.getActive());
    assertEquals(List.of(), cleared.getFeatures().getSubscriptionUpdate().getProducts());
    assertEquals(List.of("quantity"), cleared.getFeatures().getSubscriptionUpdate().getDefaultAllowedUpdates());
  }

  @Test
  void listFiltersByActiveAndIsDefaultAndPaginates() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    var configurations = stripe.v1().billingPortal().configurations();
    List<String> created = new ArrayList<>(); // oldest first
    for (int i = 0; i < 3; i++) {
      TestStack.CLOCK.advance(Duration.ofMillis(1));
      created.add(configurations.create(ConfigurationCreateParams.builder()
          .setFeatures(Features.builder().setInvoiceHistory(Features.InvoiceHistory.builder().setEnabled(true).build()).build())
          .setName("config " + i)
          .build()).getId());
    }
    String c1 = created.get(0);
    String c2 = created.get(1);
    String c3 = created.get(2);
    configurations.update(c2, ConfigurationUpdateParams.builder().setActive(false).build());
    // The account's default configuration appears with the first session that names none.
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    String customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build()).getId();
    String def = stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(customer).build()).getConfiguration();
    assertFalse(created.contains(def));

    StripeCollection<Configuration> all = configurations.list();
    assertEquals("list", all.getObject());
    assertEquals("/v1/billing_portal/configurations", all.getUrl());
    assertEquals(false, all.getHasMore());
    assertEquals(List.of(def, c3, c2, c1), ids(all));
    assertKeys(all.getRawJsonObject(), "object", "data", "has_more", "url");

    assertEquals(List.of(def), ids(configurations.list(ConfigurationListParams.builder().setIsDefault(true).build())));
    assertEquals(true, configurations.list(ConfigurationListParams.builder().setIsDefault(true).build()).getData().get(0).getIsDefault());
    assertEquals(List.of(c3, c2, c1), ids(configurations.list(ConfigurationListParams.builder().setIsDefault(false).build())));
    assertEquals(List.of(c2), ids(configurations.list(ConfigurationListParams.builder().setActive(false).build())));
    assertEquals(List.of(def, c3, c1), ids(configurations.list(ConfigurationListParams.builder().setActive(true).build())));
    assertEquals(List.of(c3, c1),
        ids(configurations.list(ConfigurationListParams.builder().setActive(true).setIsDefault(false).build())));

    StripeCollection<Configuration> first = configurations.list(ConfigurationListParams.builder().setLimit(2L).build());
    assertEquals(List.of(def, c3), ids(first));
    assertEquals(true, first.getHasMore());
    StripeCollection<Configuration> second = configurations.list(ConfigurationListParams.builder().setLimit(2L).setStartingAfter(c3).build());
    assertEquals(List.of(c2, c1), ids(second));
    assertEquals(false, second.getHasMore());
    StripeCollection<Configuration> back = configurations.list(ConfigurationListParams.builder().setLimit(1L).setEndingBefore(c2).build());
    assertEquals(List.of(c3), ids(back));
    assertEquals(true, back.getHasMore());

    // Filters and cursors together: active ones after the default, one at a time.
    StripeCollection<Configuration> activePage = configurations.list(ConfigurationListParams.builder()
        .setActive(true).setLimit(1L).setStartingAfter(def).build());
    assertEquals(List.of(c3), ids(activePage));
    assertEquals(true, activePage.getHasMore());

    // stripe-java's own pagination follows starting_after through every page.
    List<String> paged = new ArrayList<>();
    for (Configuration c : configurations.list(ConfigurationListParams.builder().setLimit(1L).build()).autoPagingIterable()) {
      paged.add(c.getId());
    }
    assertEquals(List.of(def, c3, c2, c1), paged);
  }

  @Test
  void loginPageUrlStaysWhileEnabledAndAReEnabledPageGetsANewOne() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    var configurations = stripe.v1().billingPortal().configurations();
    Configuration created = configurations.create(everyFeature(Catalog.create(stripe)));
    String url = created.getLoginPage().getUrl();
    assertNotNull(url);

    Configuration renamed = configurations.update(created.getId(), ConfigurationUpdateParams.builder().setName("Acme portal 2")
        .setLoginPage(ConfigurationUpdateParams.LoginPage.builder().setEnabled(true).build()).build());
    assertEquals("Acme portal 2", renamed.getName());
    assertEquals(url, renamed.getLoginPage().getUrl());

    Configuration off = configurations.update(created.getId(),
        ConfigurationUpdateParams.builder().setLoginPage(ConfigurationUpdateParams.LoginPage.builder().setEnabled(false).build()).build());
    assertEquals(false, off.getLoginPage().getEnabled());
    assertNull(off.getLoginPage().getUrl());

    Configuration on = configurations.update(created.getId(),
        ConfigurationUpdateParams.builder().setLoginPage(ConfigurationUpdateParams.LoginPage.builder().setEnabled(true).build()).build());
    assertEquals(true, on.getLoginPage().getEnabled());
    assertTrue(on.getLoginPage().getUrl().startsWith(TestStack.get().baseUrl() + "/p/login/"), on.getLoginPage().getUrl());
    assertNotEquals(url, on.getLoginPage().getUrl());
  }

  static List<String> ids(StripeCollection<Configuration> list) {
    return list.getData().stream().map(Configuration::getId).toList();
  }
}
