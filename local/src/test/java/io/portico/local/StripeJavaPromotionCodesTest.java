package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PromotionCode;
import com.stripe.model.StripeCollection;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeListParams;
import com.stripe.param.PromotionCodeRetrieveParams;
import com.stripe.param.PromotionCodeUpdateParams;
import io.portico.service.AccountService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** promotion_code through the real stripe-java client: create, retrieve, update, list, expansions. */
class StripeJavaPromotionCodesTest {
  private static final String[] KEYS = {"id", "object", "active", "code", "created", "customer", "customer_account", "expires_at",
      "livemode", "max_redemptions", "metadata", "promotion", "restrictions", "times_redeemed"};

  static String coupon(StripeClient stripe, String percent) throws StripeException {
    return stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal(percent)).build()).getId();
  }

  static PromotionCodeCreateParams.Builder forCoupon(String coupon) {
    return PromotionCodeCreateParams.builder().setPromotion(PromotionCodeCreateParams.Promotion.builder()
        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON).setCoupon(coupon).build());
  }

  @Test
  void createWithEveryFieldThenRetrieveAndExpand() throws StripeException {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    StripeClient stripe = TestStack.stripe(merchant.testSecretKey());
    String coupon = coupon(stripe, "20");
    String customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com").build()).getId();
    long now = TestStack.CLOCK.instant().getEpochSecond();
    PromotionCode created = stripe.v1().promotionCodes().create(forCoupon(coupon)
        .setCode("Ada-2026_vip")
        .setCustomer(customer)
        .setExpiresAt(now + 3600)
        .setMaxRedemptions(5L)
        .setRestrictions(PromotionCodeCreateParams.Restrictions.builder()
            .setFirstTimeTransaction(true)
            .setMinimumAmount(1000L)
            .setMinimumAmountCurrency("usd")
            .putCurrencyOption("eur", PromotionCodeCreateParams.Restrictions.CurrencyOption.builder().setMinimumAmount(900L).build())
            .build())
        .putMetadata("channel", "newsletter")
        .build());
    assertTrue(created.getId().startsWith("promo_"), created.getId());
    assertEquals("promotion_code", created.getObject());
    assertEquals(true, created.getActive());
    assertEquals("Ada-2026_vip", created.getCode());
    assertEquals(now, created.getCreated());
    assertEquals(customer, created.getCustomer());
    assertNull(created.getCustomerAccount());
    assertEquals(now + 3600, created.getExpiresAt());
    assertEquals(false, created.getLivemode());
    assertEquals(5L, created.getMaxRedemptions());
    assertEquals(Map.of("channel", "newsletter"), created.getMetadata());
    assertEquals("coupon", created.getPromotion().getType());
    assertEquals(coupon, created.getPromotion().getCoupon());
    assertNull(created.getPromotion().getCouponObject());
    assertEquals(true, created.getRestrictions().getFirstTimeTransaction());
    assertEquals(1000L, created.getRestrictions().getMinimumAmount());
    assertEquals("usd", created.getRestrictions().getMinimumAmountCurrency());
    assertEquals(900L, created.getRestrictions().getCurrencyOptions().get("eur").getMinimumAmount());
    assertEquals(0L, created.getTimesRedeemed());
    assertKeys(created.getRawJsonObject(), KEYS);
    assertKeys(created.getRawJsonObject().getAsJsonObject("promotion"), "type", "coupon");
    assertKeys(created.getRawJsonObject().getAsJsonObject("restrictions"), "currency_options", "first_time_transaction", "minimum_amount",
        "minimum_amount_currency");

    PromotionCode retrieved = stripe.v1().promotionCodes().retrieve(created.getId());
    assertEquals(created.getRawJsonObject(), retrieved.getRawJsonObject());

    PromotionCode expanded = stripe.v1().promotionCodes().retrieve(created.getId(),
        PromotionCodeRetrieveParams.builder().addExpand("promotion.coupon").addExpand("customer").build(), null);
    assertEquals(coupon, expanded.getPromotion().getCoupon());
    assertEquals(0, new BigDecimal("20").compareTo(expanded.getPromotion().getCouponObject().getPercentOff()));
    assertEquals(true, expanded.getPromotion().getCouponObject().getValid());
    assertEquals(customer, expanded.getCustomer());
    assertEquals("ada@example.com", expanded.getCustomerObject().getEmail());
    assertTrue(TestStack.eventTypes(merchant.account().id()).contains("promotion_code.created"));
  }

  @Test
  void aGeneratedCodeAndStripesDefaults() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    PromotionCode p = stripe.v1().promotionCodes().create(forCoupon(coupon(stripe, "5")).build());
    assertTrue(p.getCode().matches("[A-Z0-9]{8}"), p.getCode());
    assertEquals(true, p.getActive());
    assertNull(p.getCustomer());
    assertNull(p.getExpiresAt());
    assertNull(p.getMaxRedemptions());
    assertEquals(Map.of(), p.getMetadata());
    assertEquals(false, p.getRestrictions().getFirstTimeTransaction());
    assertNull(p.getRestrictions().getMinimumAmount());
    assertNull(p.getRestrictions().getMinimumAmountCurrency());
    assertKeys(p.getRawJsonObject().getAsJsonObject("restrictions"), "first_time_transaction", "minimum_amount", "minimum_amount_currency");

    PromotionCode inactive = stripe.v1().promotionCodes().create(forCoupon(p.getPromotion().getCoupon()).setCode(p.getCode())
        .setActive(false).build());
    assertEquals(false, inactive.getActive()); // an inactive code does not compete for the code
  }

  @Test
  void updateActiveMetadataAndCurrencyOptions() throws StripeException {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    StripeClient stripe = TestStack.stripe(merchant.testSecretKey());
    String coupon = coupon(stripe, "10");
    PromotionCode first = stripe.v1().promotionCodes().create(forCoupon(coupon).setCode("SUMMER").putMetadata("a", "1")
        .setRestrictions(PromotionCodeCreateParams.Restrictions.builder().setMinimumAmount(500L).setMinimumAmountCurrency("usd").build())
        .build());

    PromotionCode updated = stripe.v1().promotionCodes().update(first.getId(), PromotionCodeUpdateParams.builder()
        .putMetadata("a", "").putMetadata("b", "2")
        .setRestrictions(PromotionCodeUpdateParams.Restrictions.builder()
            .putCurrencyOption("gbp", PromotionCodeUpdateParams.Restrictions.CurrencyOption.builder().setMinimumAmount(400L).build()).build())
        .build());
    assertEquals(Map.of("b", "2"), updated.getMetadata());
    assertEquals(400L, updated.getRestrictions().getCurrencyOptions().get("gbp").getMinimumAmount());
    assertEquals(500L, updated.getRestrictions().getMinimumAmount());
    assertEquals(updated.getRawJsonObject(), stripe.v1().promotionCodes().retrieve(first.getId()).getRawJsonObject());

    // Deactivating frees the code (any case) for another promotion code...
    PromotionCode off = stripe.v1().promotionCodes().update(first.getId(), PromotionCodeUpdateParams.builder().setActive(false).build());
    assertEquals(false, off.getActive());
    PromotionCode second = stripe.v1().promotionCodes().create(forCoupon(coupon).setCode("summer").build());
    assertEquals("summer", second.getCode());
    // ...and the first cannot take it back while the second is active.
    assertStripeError(InvalidRequestException.class, 400, "resource_already_exists", "code",
        () -> stripe.v1().promotionCodes().update(first.getId(), PromotionCodeUpdateParams.builder().setActive(true).build()));
    stripe.v1().promotionCodes().update(second.getId(), PromotionCodeUpdateParams.builder().setActive(false).build());
    assertEquals(true, stripe.v1().promotionCodes().update(first.getId(), PromotionCodeUpdateParams.builder().setActive(true).build())
        .getActive());
    assertTrue(TestStack.eventTypes(merchant.account().id()).contains("promotion_code.updated"));
  }

  @Test
  void listFiltersPaginatesAndExpands() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String tenOff = coupon(stripe, "10");
    String twentyOff = coupon(stripe, "20");
    String customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace").build()).getId();
    List<String> ids = new ArrayList<>(); // oldest first
    ids.add(stripe.v1().promotionCodes().create(forCoupon(tenOff).setCode("ALPHA").build()).getId());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    ids.add(stripe.v1().promotionCodes().create(forCoupon(tenOff).setCode("alpha").setActive(false).build()).getId());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    ids.add(stripe.v1().promotionCodes().create(forCoupon(twentyOff).setCode("BETA").setCustomer(customer).build()).getId());
    String a1 = ids.get(0);
    String a2 = ids.get(1);
    String b = ids.get(2);

    StripeCollection<PromotionCode> all = stripe.v1().promotionCodes().list();
    assertEquals("/v1/promotion_codes", all.getUrl());
    assertEquals(List.of(b, a2, a1), ids(all));
    assertEquals(List.of(a2, a1), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCode("Alpha").build())));
    assertEquals(List.of(a1), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCode("alpha").setActive(true).build())));
    assertEquals(List.of(b, a1), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setActive(true).build())));
    assertEquals(List.of(a2, a1), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCoupon(tenOff).build())));
    assertEquals(List.of(b), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCustomer(customer).build())));
    assertEquals(List.of(), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCode("GAMMA").build())));

    StripeCollection<PromotionCode> page = stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setLimit(2L).build());
    assertEquals(List.of(b, a2), ids(page));
    assertEquals(true, page.getHasMore());
    assertEquals(List.of(a1), ids(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setStartingAfter(a2).build())));

    StripeCollection<PromotionCode> expanded = stripe.v1().promotionCodes().list(PromotionCodeListParams.builder()
        .addExpand("data.promotion.coupon").build());
    assertEquals(0, new BigDecimal("20").compareTo(expanded.getData().get(0).getPromotion().getCouponObject().getPercentOff()));
    assertEquals(0, BigDecimal.TEN.compareTo(expanded.getData().get(2).getPromotion().getCouponObject().getPercentOff()));
  }

  static List<String> ids(StripeCollection<PromotionCode> list) {
    return list.getData().stream().map(PromotionCode::getId).toList();
  }
}
