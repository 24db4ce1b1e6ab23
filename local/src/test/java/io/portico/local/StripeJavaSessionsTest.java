package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.billingportal.Configuration;
import com.stripe.model.billingportal.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import com.stripe.param.billingportal.SessionCreateParams.FlowData.AfterCompletion;
import io.portico.service.AccountService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** billing_portal.session through the real stripe-java client: every flow, every after-completion, expansion, the default configuration. */
class StripeJavaSessionsTest {
  private AccountService.CreatedAccount merchant;
  private StripeClient stripe;
  private String customer;
  private Configuration everything; // every feature on, so every flow is allowed
  private StripeJavaConfigurationsTest.Catalog catalog;

  @BeforeEach
  void merchantWithCustomerAndConfiguration() throws StripeException {
    merchant = TestStack.newMerchant();
    stripe = TestStack.stripe(merchant.testSecretKey());
    customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace Hopper").setEmail("grace@example.com").build())
        .getId();
    catalog = StripeJavaConfigurationsTest.Catalog.create(stripe);
    everything = stripe.v1().billingPortal().configurations().create(StripeJavaConfigurationsTest.everyFeature(catalog));
  }

  private SessionCreateParams.Builder session() {
    return SessionCreateParams.builder().setCustomer(customer).setConfiguration(everything.getId());
  }

  private Session create(SessionCreateParams params) throws StripeException {
    Session s = stripe.v1().billingPortal().sessions().create(params);
    assertTrue(s.getId().startsWith("bps_"), s.getId());
    assertEquals("billing_portal.session", s.getObject());
    assertEquals(customer, s.getCustomer());
    assertNull(s.getCustomerAccount());
    assertEquals(false, s.getLivemode());
    assertNull(s.getOnBehalfOf());
    assertEquals(TestStack.CLOCK.instant().getEpochSecond(), s.getCreated());
    assertTrue(s.getUrl().startsWith(TestStack.get().baseUrl() + "/p/session/"), s.getUrl());
    JsonObject raw = s.getRawJsonObject();
    assertKeys(raw, "id", "object", "configuration", "created", "customer", "customer_account", "flow", "livemode", "locale",
        "on_behalf_of", "return_url", "url");
    if (s.getFlow() != null) {
      JsonObject flow = raw.getAsJsonObject("flow");
      assertKeys(flow, "after_completion", "subscription_cancel", "subscription_update", "subscription_update_confirm", "type");
      assertKeys(flow.getAsJsonObject("after_completion"), "hosted_confirmation", "redirect", "type");
    }
    return s;
  }

  @Test
  void paymentMethodUpdateFlowWithPortalHomepageLocaleAndReturnUrl() throws StripeException {
    Session s = create(session()
        .setLocale(SessionCreateParams.Locale.FR_CA)
        .setReturnUrl("https://acme.example/back")
        .setFlowData(FlowData.builder()
            .setType(FlowData.Type.PAYMENT_METHOD_UPDATE)
            .setAfterCompletion(AfterCompletion.builder().setType(AfterCompletion.Type.PORTAL_HOMEPAGE).build())
            .build())
        .build());
    assertEquals(everything.getId(), s.getConfiguration());
    assertNull(s.getConfigurationObject());
    assertEquals("fr-CA", s.getLocale());
    assertEquals("https://acme.example/back", s.getReturnUrl());
    Session.Flow flow = s.getFlow();
    assertEquals("payment_method_update", flow.getType());
    assertEquals("portal_homepage", flow.getAfterCompletion().getType());
    assertNull(flow.getAfterCompletion().getHostedConfirmation());
    assertNull(flow.getAfterCompletion().getRedirect());
    assertNull(flow.getSubscriptionCancel());
    assertNull(flow.getSubscriptionUpdate());
    assertNull(flow.getSubscriptionUpdateConfirm());
  }

  @Test
  void subscriptionCancelFlowWithoutRetentionAndHostedConfirmation() throws StripeException {
    Session s = create(session()
        .setFlowData(FlowData.builder()
            .setType(FlowData.Type.SUBSCRIPTION_CANCEL)
            .setSubscriptionCancel(FlowData.SubscriptionCancel.builder().setSubscription("sub_123").build())
            .setAfterCompletion(AfterCompletion.builder()
                .setType(AfterCompletion.Type.HOSTED_CONFIRMATION)
                .setHostedConfirmation(AfterCompletion.HostedConfirmation.builder().setCustomMessage("Sorry to see you go.").build())
                .build())
            .build())
        .build());
    Session.Flow flow = s.getFlow();
    assertEquals("subscription_cancel", flow.getType());
    assertEquals("sub_123", flow.getSubscriptionCancel().getSubscription());
    assertNull(flow.getSubscriptionCancel().getRetention());
    assertEquals("hosted_confirmation", flow.getAfterCompletion().getType());
    assertEquals("Sorry to see you go.", flow.getAfterCompletion().getHostedConfirmation().getCustomMessage());
    assertNull(flow.getAfterCompletion().getRedirect());
    assertNull(flow.getSubscriptionUpdate());
    assertNull(flow.getSubscriptionUpdateConfirm());
    assertKeys(s.getRawJsonObject().getAsJsonObject("flow").getAsJsonObject("subscription_cancel"), "retention", "subscription");
    // no locale or return_url sent, and the configuration's default_return_url applies
    assertNull(s.getLocale());
    assertEquals("https://acme.example/account", s.getReturnUrl());
  }

  @Test
  void subscriptionCancelFlowWithRetentionCouponOfferAndRedirect() throws StripeException {
    Session s = create(session()
        .setFlowData(FlowData.builder()
            .setType(FlowData.Type.SUBSCRIPTION_CANCEL)
            .setSubscriptionCancel(FlowData.SubscriptionCancel.builder()
                .setSubscription("sub_456")
                .setRetention(FlowData.SubscriptionCancel.Retention.builder()
                    .setType(FlowData.SubscriptionCancel.Retention.Type.COUPON_OFFER)
                    .setCouponOffer(FlowData.SubscriptionCancel.Retention.CouponOffer.builder().setCoupon("STAY20").build())
                    .build())
                .build())
            .setAfterCompletion(AfterCompletion.builder()
                .setType(AfterCompletion.Type.REDIRECT)
                .setRedirect(AfterCompletion.Redirect.builder().setReturnUrl("https://acme.example/cancelled?x=1&y=2").build())
                .build())
            .build())
        .build());
    Session.Flow flow = s.getFlow();
    assertEquals("subscription_cancel", flow.getType());
    assertEquals("sub_456", flow.getSubscriptionCancel().getSubscription());
    assertEquals("coupon_offer", flow.getSubscriptionCancel().getRetention().getType());
    assertEquals("STAY20", flow.getSubscriptionCancel().getRetention().getCouponOffer().getCoupon());
    assertEquals("redirect", flow.getAfterCompletion().getType());
    assertEquals("https://acme.example/cancelled?x=1&y=2", flow.getAfterCompletion().getRedirect().getReturnUrl());
    assertNull(flow.getAfterCompletion().getHostedConfirmation());
  }

  @Test
  void subscriptionUpdateFlowDefaultsAfterCompletionToPortalHomepage() throws StripeException {
    Session s = create(session()
        .setFlowData(FlowData.builder()
            .setType(FlowData.Type.SUBSCRIPTION_UPDATE)
            .setSubscriptionUpdate(FlowData.SubscriptionUpdate.builder().setSubscription("sub_789").build())
            .build())
        .build());
    Session.Flow flow = s.getFlow();
    assertEquals("subscription_update", flow.getType());
    assertEquals("sub_789", flow.getSubscriptionUpdate().getSubscription());
    assertEquals("portal_homepage", flow.getAfterCompletion().getType());
    assertNull(flow.getAfterCompletion().getHostedConfirmation());
    assertNull(flow.getAfterCompletion().getRedirect());
    assertNull(flow.getSubscriptionCancel());
    assertNull(flow.getSubscriptionUpdateConfirm());
  }

  @Test
  void subscriptionUpdateConfirmFlowWithItemsAndDiscounts() throws StripeException {
    Session s = create(session()
        .setLocale(SessionCreateParams.Locale.EN_GB)
        .setFlowData(FlowData.builder()
            .setType(FlowData.Type.SUBSCRIPTION_UPDATE_CONFIRM)
            .setSubscriptionUpdateConfirm(FlowData.SubscriptionUpdateConfirm.builder()
                .setSubscription("sub_confirm")
                .addItem(FlowData.SubscriptionUpdateConfirm.Item.builder().setId("si_1").setPrice("price_pro_month").setQuantity(3L).build())
                .addDiscount(FlowData.SubscriptionUpdateConfirm.Discount.builder().setCoupon("WELCOME").build())
                .addDiscount(FlowData.SubscriptionUpdateConfirm.Discount.builder().setPromotionCode("promo_spring").build())
                .build())
            .setAfterCompletion(AfterCompletion.builder()
                .setType(AfterCompletion.Type.HOSTED_CONFIRMATION)
                .build())
            .build())
        .build());
    assertEquals("en-GB", s.getLocale());
    Session.Flow flow = s.getFlow();
    assertEquals("subscription_update_confirm", flow.getType());
    Session.Flow.SubscriptionUpdateConfirm confirm = flow.getSubscriptionUpdateConfirm();
    assertEquals("sub_confirm", confirm.getSubscription());
    assertEquals(1, confirm.getItems().size());
    assertEquals("si_1", confirm.getItems().get(0).getId());
    assertEquals("price_pro_month", confirm.getItems().get(0).getPrice());
    assertEquals(3L, confirm.getItems().get(0).getQuantity());
    assertEquals(2, confirm.getDiscounts().size());
    assertEquals("WELCOME", confirm.getDiscounts().get(0).getCoupon());
    assertNull(confirm.getDiscounts().get(0).getPromotionCode());
    assertNull(confirm.getDiscounts().get(1).getCoupon());
    assertEquals("promo_spring", confirm.getDiscounts().get(1).getPromotionCode());
    // hosted_confirmation without a message: the hash is there, its message null
    assertEquals("hosted_confirmation", flow.getAfterCompletion().getType());
    assertNotNull(flow.getAfterCompletion().getHostedConfirmation());
    assertNull(flow.getAfterCompletion().getHostedConfirmation().getCustomMessage());
    JsonObject raw = s.getRawJsonObject().getAsJsonObject("flow").getAsJsonObject("subscription_update_confirm");
    assertKeys(raw, "discounts", "items", "subscription");
    assertKeys(raw.getAsJsonArray("items").get(0).getAsJsonObject(), "id", "price", "quantity");
    assertKeys(raw.getAsJsonArray("discounts").get(0).getAsJsonObject(), "coupon", "promotion_code");
  }

  @Test
  void expandConfigurationReturnsTheFullConfigurationObject() throws StripeException {
    Session s = create(session().addExpand("configuration").build());
    assertEquals(everything.getId(), s.getConfiguration());
    Configuration expanded = s.getConfigurationObject();
    assertNotNull(expanded);
    StripeJavaConfigurationsTest.assertEveryFeature(expanded, s.getRawJsonObject().getAsJsonObject("configuration"), catalog);
    assertEquals(everything.getLoginPage().getUrl(), expanded.getLoginPage().getUrl());
    assertEquals(everything.getCreated(), expanded.getCreated());
    assertNull(s.getFlow());
  }

  @Test
  void withoutConfigurationTheAccountDefaultIsCreatedOnceAndReused() throws StripeException {
    Session first = create(SessionCreateParams.builder().setCustomer(customer).addExpand("configuration").build());
    Configuration def = first.getConfigurationObject();
    assertNotNull(def);
    assertNotEquals(everything.getId(), def.getId());
    assertEquals(true, def.getIsDefault());
    assertEquals(true, def.getActive());
    // Stripe fills the default's business profile from the account's public details.
    assertEquals(merchant.account().privacyPolicyUrl(), def.getBusinessProfile().getPrivacyPolicyUrl());
    assertEquals(merchant.account().termsOfServiceUrl(), def.getBusinessProfile().getTermsOfServiceUrl());
    assertNull(first.getReturnUrl());
    assertNull(first.getLocale());

    Session second = create(SessionCreateParams.builder().setCustomer(customer).build());
    assertEquals(def.getId(), second.getConfiguration());
    assertNull(second.getConfigurationObject());
    assertNotEquals(first.getId(), second.getId());
    assertNotEquals(first.getUrl(), second.getUrl());

    Configuration retrieved = stripe.v1().billingPortal().configurations().retrieve(def.getId());
    assertEquals(true, retrieved.getIsDefault());
    assertEquals(def.getFeatures().getPaymentMethodUpdate().getEnabled(), retrieved.getFeatures().getPaymentMethodUpdate().getEnabled());
    StripeJavaConfigurationsTest.assertSchemaKeys(first.getRawJsonObject().getAsJsonObject("configuration"));
  }

  @Test
  void theSessionUrlOpensTheHostedPortal() throws StripeException {
    Session s = create(session().setReturnUrl("https://acme.example/back").build());
    String base = TestStack.get().baseUrl();
    assertTrue(s.getUrl().startsWith(base + "/p/session/"));
    // The link opens once: it sets the portal cookie and redirects to the portal page, which that cookie opens.
    TestStack.Answer opened = TestStack.get(s.getUrl().substring(base.length()), null);
    assertEquals(303, opened.status(), opened.body());
    assertTrue(opened.header("Location").endsWith("/p/portal"), opened.header("Location"));
    String cookie = opened.header("Set-Cookie").substring(0, opened.header("Set-Cookie").indexOf(';'));
    TestStack.Answer page = TestStack.send("GET", "/p/portal", null, null, java.util.Map.of("Cookie", cookie));
    assertEquals(200, page.status(), page.body());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.body().startsWith("<!doctype html>"), page.body());
    // The frame is the portal's: the way back to the merchant, and the script that renders the customer's data.
    assertTrue(page.body().contains("https://acme.example/back"), page.body());
    assertTrue(page.body().contains("/p/assets/portal.js?v="), page.body());
  }

  @Test
  void aFlowNeedsItsFeatureEnabledInTheConfiguration() throws StripeException {
    Configuration invoicesOnly = stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder()
        .setFeatures(ConfigurationCreateParams.Features.builder()
            .setInvoiceHistory(ConfigurationCreateParams.Features.InvoiceHistory.builder().setEnabled(true).build())
            .build())
        .build());
    int before = TestStack.itemsOwnedBy(merchant.account().id());
    for (FlowData flow : List.of(
        FlowData.builder().setType(FlowData.Type.PAYMENT_METHOD_UPDATE).build(),
        FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_CANCEL)
            .setSubscriptionCancel(FlowData.SubscriptionCancel.builder().setSubscription("sub_1").build()).build(),
        FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_UPDATE)
            .setSubscriptionUpdate(FlowData.SubscriptionUpdate.builder().setSubscription("sub_1").build()).build())) {
      assertStripeError(InvalidRequestException.class, 400, "flow_feature_disabled", "flow_data[type]",
          () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
              .setCustomer(customer).setConfiguration(invoicesOnly.getId()).setFlowData(flow).build()));
    }
    // a refused request writes nothing (its idempotency key is released too)
    assertEquals(before, TestStack.itemsOwnedBy(merchant.account().id()));
  }
}
