package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Coupon;
import com.stripe.model.StripeCollection;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CouponListParams;
import com.stripe.param.CouponUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.common.EmptyParam;
import io.portico.service.AccountService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** coupon through the real stripe-java client: create, retrieve, update, delete, list. */
class StripeJavaCouponsTest {
  /** Stripe's coupon keys; applies_to comes only on coupons restricted to products. */
  private static final String[] KEYS = {"id", "object", "amount_off", "created", "currency", "duration", "duration_in_months", "livemode",
      "max_redemptions", "metadata", "name", "percent_off", "redeem_by", "times_redeemed", "valid"};

  @Test
  void createWithEveryFieldThenRetrieve() throws StripeException {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    StripeClient stripe = TestStack.stripe(merchant.testSecretKey());
    String product = stripe.v1().products().create(ProductCreateParams.builder().setName("Gold plan").build()).getId();
    long now = TestStack.CLOCK.instant().getEpochSecond();
    Coupon created = stripe.v1().coupons().create(CouponCreateParams.builder()
        .setId("SPRING-25_off")
        .setPercentOff(new BigDecimal("12.50"))
        .setDuration(CouponCreateParams.Duration.REPEATING)
        .setDurationInMonths(3L)
        .setMaxRedemptions(10L)
        .setRedeemBy(now + 86_400)
        .setAppliesTo(CouponCreateParams.AppliesTo.builder().addProduct(product).addProduct(product).build())
        .setName("Spring sale")
        .putMetadata("campaign", "spring")
        .build());
    assertEquals("SPRING-25_off", created.getId());
    assertEquals("coupon", created.getObject());
    assertEquals(0, new BigDecimal("12.5").compareTo(created.getPercentOff()));
    assertNull(created.getAmountOff());
    assertNull(created.getCurrency());
    assertEquals("repeating", created.getDuration());
    assertEquals(3L, created.getDurationInMonths());
    assertEquals(10L, created.getMaxRedemptions());
    assertEquals(now + 86_400, created.getRedeemBy());
    assertEquals(List.of(product), created.getAppliesTo().getProducts()); // each product once
    assertEquals("Spring sale", created.getName());
    assertEquals(Map.of("campaign", "spring"), created.getMetadata());
    assertEquals(now, created.getCreated());
    assertEquals(false, created.getLivemode());
    assertEquals(0L, created.getTimesRedeemed());
    assertEquals(true, created.getValid());
    List<String> keys = new ArrayList<>(List.of(KEYS));
    keys.add("applies_to");
    assertKeys(created.getRawJsonObject(), keys.toArray(String[]::new));
    assertEquals("12.5", created.getRawJsonObject().get("percent_off").getAsString());

    Coupon retrieved = stripe.v1().coupons().retrieve(created.getId());
    assertEquals(created.getRawJsonObject(), retrieved.getRawJsonObject());
    assertTrue(TestStack.eventTypes(merchant.account().id()).contains("coupon.created"));
  }

  @Test
  void amountOffWithAGeneratedIdAndStripesDefaults() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Coupon c = stripe.v1().coupons().create(CouponCreateParams.builder().setAmountOff(500L).setCurrency("EUR").build());
    assertTrue(c.getId().matches("[A-Za-z0-9]{8}"), c.getId());
    assertEquals(500L, c.getAmountOff());
    assertEquals("eur", c.getCurrency());
    assertNull(c.getPercentOff());
    assertEquals("once", c.getDuration());
    assertNull(c.getDurationInMonths());
    assertNull(c.getMaxRedemptions());
    assertNull(c.getRedeemBy());
    assertNull(c.getName());
    assertNull(c.getAppliesTo());
    assertEquals(Map.of(), c.getMetadata());
    assertEquals(true, c.getValid());
    assertKeys(c.getRawJsonObject(), KEYS);

    Coupon forever = stripe.v1().coupons().create(CouponCreateParams.builder()
        .setPercentOff(new BigDecimal("100")).setDuration(CouponCreateParams.Duration.FOREVER).build());
    assertEquals("forever", forever.getDuration());
    assertEquals("100", forever.getRawJsonObject().get("percent_off").getAsString());
  }

  @Test
  void theSameIdInAnotherAccountOrModeIsAnotherCoupon() throws StripeException {
    AccountService.CreatedAccount one = TestStack.newMerchant();
    AccountService.CreatedAccount two = TestStack.newMerchant();
    CouponCreateParams tenOff = CouponCreateParams.builder().setId("TENOFF").setPercentOff(BigDecimal.TEN).build();
    CouponCreateParams twentyOff = CouponCreateParams.builder().setId("TENOFF").setPercentOff(new BigDecimal("20")).build();
    TestStack.stripe(one.testSecretKey()).v1().coupons().create(tenOff);
    TestStack.stripe(two.testSecretKey()).v1().coupons().create(twentyOff);
    Coupon live = TestStack.stripe(one.liveSecretKey()).v1().coupons().create(twentyOff);
    assertEquals(true, live.getLivemode());
    assertEquals(0, BigDecimal.TEN.compareTo(TestStack.stripe(one.testSecretKey()).v1().coupons().retrieve("TENOFF").getPercentOff()));
    assertEquals(0, new BigDecimal("20").compareTo(TestStack.stripe(two.testSecretKey()).v1().coupons().retrieve("TENOFF").getPercentOff()));
    assertEquals(0, new BigDecimal("20").compareTo(TestStack.stripe(one.liveSecretKey()).v1().coupons().retrieve("TENOFF").getPercentOff()));
  }

  @Test
  void updateChangesOnlyNameAndMetadata() throws StripeException {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    StripeClient stripe = TestStack.stripe(merchant.testSecretKey());
    Coupon created = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal("15")).setName("Welcome")
        .putMetadata("a", "1").putMetadata("b", "2").build());
    Coupon updated = stripe.v1().coupons().update(created.getId(), CouponUpdateParams.builder()
        .setName("Welcome back").putMetadata("a", "").putMetadata("c", "3").build());
    assertEquals("Welcome back", updated.getName());
    assertEquals(Map.of("b", "2", "c", "3"), updated.getMetadata());
    assertEquals(0, new BigDecimal("15").compareTo(updated.getPercentOff()));
    assertEquals(created.getCreated(), updated.getCreated());
    assertEquals(updated.getRawJsonObject(), stripe.v1().coupons().retrieve(created.getId()).getRawJsonObject());

    Coupon cleared = stripe.v1().coupons().update(created.getId(), CouponUpdateParams.builder()
        .setName(EmptyParam.EMPTY).setMetadata(EmptyParam.EMPTY).build());
    assertNull(cleared.getName());
    assertEquals(Map.of(), cleared.getMetadata());
    // Nothing to change: the same coupon, and no event for it.
    Coupon same = stripe.v1().coupons().update(created.getId(), CouponUpdateParams.builder().build());
    assertEquals(cleared.getRawJsonObject(), same.getRawJsonObject());
    assertEquals(2, Collections.frequency(TestStack.eventTypes(merchant.account().id()), "coupon.updated"));
  }

  @Test
  void deleteThenRetrieveSaysDeletedListForgetsItAndTheIdStaysTaken() throws StripeException {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    StripeClient stripe = TestStack.stripe(merchant.testSecretKey());
    Coupon keep = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.TEN).build());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Coupon gone = stripe.v1().coupons().create(CouponCreateParams.builder().setId("GONE").setPercentOff(BigDecimal.TEN).build());

    Coupon deleted = stripe.v1().coupons().delete(gone.getId());
    assertEquals("GONE", deleted.getId());
    assertEquals("coupon", deleted.getObject());
    assertEquals(true, deleted.getDeleted());
    assertKeys(deleted.getRawJsonObject(), "id", "object", "deleted");
    assertEquals(true, stripe.v1().coupons().retrieve("GONE").getDeleted());
    assertEquals(List.of(keep.getId()), ids(stripe.v1().coupons().list()));
    assertTrue(TestStack.eventTypes(merchant.account().id()).contains("coupon.deleted"));

    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().coupons().update("GONE", CouponUpdateParams.builder().setName("Zombie").build()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().coupons().delete("GONE"));
    assertStripeError(InvalidRequestException.class, 400, "resource_already_exists", "id",
        () -> stripe.v1().coupons().create(CouponCreateParams.builder().setId("GONE").setPercentOff(BigDecimal.ONE).build()));
  }

  @Test
  void validFollowsRedeemBy() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    long now = TestStack.CLOCK.instant().getEpochSecond();
    Coupon c = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.TEN).setRedeemBy(now + 60).build());
    assertEquals(true, c.getValid());
    TestStack.CLOCK.advance(Duration.ofSeconds(61));
    assertEquals(false, stripe.v1().coupons().retrieve(c.getId()).getValid());
    assertEquals(false, stripe.v1().coupons().list().getData().get(0).getValid());
  }

  @Test
  void listPaginatesBothWaysAndFiltersByCreated() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    List<String> ids = new ArrayList<>(); // oldest first
    List<Long> created = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      TestStack.CLOCK.advance(Duration.ofSeconds(10));
      Coupon c = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.valueOf(i)).build());
      ids.add(c.getId());
      created.add(c.getCreated());
    }
    StripeCollection<Coupon> all = stripe.v1().coupons().list();
    assertEquals("/v1/coupons", all.getUrl());
    assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)), ids(all));
    assertEquals(false, all.getHasMore());

    StripeCollection<Coupon> page1 = stripe.v1().coupons().list(CouponListParams.builder().setLimit(3L).build());
    assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), ids(page1));
    assertEquals(true, page1.getHasMore());
    assertEquals(List.of(ids.get(0)), ids(stripe.v1().coupons().list(CouponListParams.builder().setStartingAfter(ids.get(1)).build())));
    assertEquals(List.of(ids.get(3), ids.get(2)),
        ids(stripe.v1().coupons().list(CouponListParams.builder().setEndingBefore(ids.get(1)).build())));

    assertEquals(List.of(ids.get(2), ids.get(1)), ids(stripe.v1().coupons().list(CouponListParams.builder()
        .setCreated(CouponListParams.Created.builder().setGte(created.get(1)).setLt(created.get(3)).build()).build())));
    assertEquals(List.of(ids.get(3)), ids(stripe.v1().coupons().list(CouponListParams.builder()
        .setCreated(CouponListParams.Created.builder().setGt(created.get(2)).build()).build())));
    assertEquals(List.of(ids.get(0)), ids(stripe.v1().coupons().list(CouponListParams.builder().setCreated(created.get(0)).build())));

    List<String> paged = new ArrayList<>();
    for (Coupon c : stripe.v1().coupons().list(CouponListParams.builder().setLimit(1L).build()).autoPagingIterable()) paged.add(c.getId());
    assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)), paged);
  }

  static List<String> ids(StripeCollection<Coupon> list) {
    return list.getData().stream().map(Coupon::getId).toList();
  }
}
