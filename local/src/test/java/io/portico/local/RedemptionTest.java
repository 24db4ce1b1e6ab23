package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Coupon;
import io.portico.domain.Event;
import io.portico.domain.PromotionCode;
import io.portico.domain.Scope;
import io.portico.error.ApiError;
import io.portico.service.AccountService;
import io.portico.service.Checks;
import io.portico.service.CouponService;
import io.portico.service.PromotionCodeService;
import io.portico.service.RequestContext;
import io.portico.store.Changes;
import io.portico.store.Transactions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a discount will call before it uses a coupon or a promotion code: the checks (each refusal
 * with Stripe's error) and the redemption count, which never passes max_redemptions however many
 * requests redeem at once.
 */
class RedemptionTest {
  private static final String OK = "redeemed";

  private AccountService.CreatedAccount merchant;
  private String key;
  private CouponService coupons;
  private PromotionCodeService promotionCodes;
  private Transactions transactions;

  @BeforeEach
  void freshMerchant() {
    merchant = TestStack.newMerchant();
    key = merchant.testSecretKey();
    coupons = TestStack.get().context().getBean(CouponService.class);
    promotionCodes = TestStack.get().context().getBean(PromotionCodeService.class);
    transactions = TestStack.get().context().getBean(Transactions.class);
  }

  private RequestContext ctx() {
    return new RequestContext(merchant.account(), new Scope(merchant.account().id(), false), "req_test", null, "2026-07-29.dahlia",
        TestStack.get().baseUrl(), TestStack.CLOCK.instant(), Event.Actor.SECRET_KEY);
  }

  private JsonNode create(String path, String body) {
    TestStack.Answer a = TestStack.post(path, key, body);
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private String coupon(String body) {
    return create("/v1/coupons", body).get("id").asText();
  }

  /** Redeems in one unit of work, re-running on a conflict as a discount will; the refusal's code when refused. */
  private String redeem(Consumer<Changes> stage) {
    try {
      return Checks.retryingConflicts(() -> {
        Changes changes = transactions.begin();
        stage.accept(changes);
        changes.commit();
        return OK;
      });
    } catch (ApiError refused) {
      return refused.code();
    }
  }

  private static void assertRefused(String code, String param, Runnable call) {
    ApiError e = assertThrows(ApiError.class, call::run);
    assertEquals(400, e.status(), e.getMessage());
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(param, e.param(), e.getMessage());
    RefusalCase.assertReadable(e.getMessage());
  }

  // ---- concurrency -----------------------------------------------------------------------------

  @Test
  void twoSimultaneousRedemptionsOfACouponWithOneLeftExactlyOneWins() {
    String id = coupon("percent_off=10&max_redemptions=1");
    List<String> outcomes = TestStack.concurrently(2, k -> redeem(c -> coupons.stageRedemption(ctx(), c, id, "usd", "coupon")));
    assertEquals(1, Collections.frequency(outcomes, OK), outcomes.toString());
    assertEquals(1, Collections.frequency(outcomes, "coupon_expired"), outcomes.toString());
    JsonNode after = TestStack.get("/v1/coupons/" + id, key).json();
    assertEquals(1, after.get("times_redeemed").asInt());
    assertEquals(false, after.get("valid").asBoolean());
  }

  @Test
  void manySimultaneousRedemptionsNeverPassMaxRedemptions() {
    String id = coupon("amount_off=500&currency=usd&max_redemptions=3");
    List<String> outcomes = TestStack.concurrently(8, k -> redeem(c -> coupons.stageRedemption(ctx(), c, id, "usd", "coupon")));
    assertEquals(3, Collections.frequency(outcomes, OK), outcomes.toString());
    assertEquals(5, Collections.frequency(outcomes, "coupon_expired"), outcomes.toString());
    assertEquals(3, TestStack.get("/v1/coupons/" + id, key).json().get("times_redeemed").asInt());
  }

  @Test
  void simultaneousRedemptionsOfAPromotionCodeCountOnTheCodeAndItsCoupon() {
    String couponId = coupon("percent_off=10");
    String promo = create("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + couponId + "&code=ONCE&max_redemptions=1")
        .get("id").asText();
    List<String> outcomes = TestStack.concurrently(2,
        k -> redeem(c -> promotionCodes.stageRedemption(ctx(), c, "once", null, 1000, "usd", true, "promotion_code")));
    assertEquals(1, Collections.frequency(outcomes, OK), outcomes.toString());
    assertEquals(1, Collections.frequency(outcomes, "promotion_code_expired"), outcomes.toString());
    assertEquals(1, TestStack.get("/v1/promotion_codes/" + promo, key).json().get("times_redeemed").asInt());
    assertEquals(1, TestStack.get("/v1/coupons/" + couponId, key).json().get("times_redeemed").asInt());
  }

  // ---- coupons ---------------------------------------------------------------------------------

  @Test
  void aValidCouponIsRedeemable() {
    String id = coupon("amount_off=500&currency=eur&duration=repeating&duration_in_months=2&name=Five");
    Coupon c = coupons.redeemable(ctx(), id, "eur", "coupon");
    assertEquals(id, c.id());
    assertEquals(500L, c.amountOff());
    assertEquals(2, c.terms().durationInMonths());
    assertTrue(c.valid());
    assertEquals(id, coupons.redeemable(ctx(), id, null, "coupon").id()); // currency not known yet
  }

  @Test
  void couponsThatCannotBeRedeemed() {
    assertRefused("resource_missing", "discounts[0][coupon]", () -> coupons.redeemable(ctx(), "NOPE", "usd", "discounts[0][coupon]"));

    String deleted = coupon("percent_off=10");
    TestStack.send("DELETE", "/v1/coupons/" + deleted, key, null, null);
    assertRefused("resource_missing", "coupon", () -> coupons.redeemable(ctx(), deleted, "usd", "coupon"));

    String euros = coupon("amount_off=500&currency=eur");
    assertRefused("currency_mismatch", "coupon", () -> coupons.redeemable(ctx(), euros, "usd", "coupon"));

    String once = coupon("percent_off=10&max_redemptions=1");
    assertEquals(OK, redeem(c -> coupons.stageRedemption(ctx(), c, once, "usd", "coupon")));
    assertRefused("coupon_expired", "coupon", () -> coupons.redeemable(ctx(), once, "usd", "coupon"));

    String expiring = coupon("percent_off=10&redeem_by=" + (TestStack.CLOCK.instant().getEpochSecond() + 30));
    assertEquals(expiring, coupons.redeemable(ctx(), expiring, "usd", "coupon").id());
    TestStack.CLOCK.advance(Duration.ofSeconds(31));
    assertRefused("coupon_expired", "coupon", () -> coupons.redeemable(ctx(), expiring, "usd", "coupon"));
  }

  // ---- promotion codes -------------------------------------------------------------------------

  @Test
  void aPromotionCodeIsRedeemableWhateverTheCaseItIsTypedIn() {
    String couponId = coupon("percent_off=15");
    create("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + couponId + "&code=Welcome15");
    PromotionCode p = promotionCodes.redeemable(ctx(), "WELCOME15", null, 100, "usd", false, "promotion_code");
    assertEquals("Welcome15", p.code());
    Coupon c = (Coupon) p.promotion().coupon();
    assertEquals(couponId, c.id());
    assertEquals(0, c.percentOff().compareTo(BigDecimal.valueOf(15)));
  }

  @Test
  void promotionCodesThatCannotBeRedeemed() {
    String couponId = coupon("percent_off=10");
    String customer = create("/v1/customers", "name=Ada").get("id").asText();
    String p = "promotion[type]=coupon&promotion[coupon]=" + couponId;
    long now = TestStack.CLOCK.instant().getEpochSecond();
    create("/v1/promotion_codes", p + "&code=OFF&active=false");
    create("/v1/promotion_codes", p + "&code=SOON&expires_at=" + (now + 30));
    create("/v1/promotion_codes", p + "&code=ADA&customer=" + customer);
    create("/v1/promotion_codes", p + "&code=FIRST&restrictions[first_time_transaction]=true");
    create("/v1/promotion_codes", p + "&code=BIG&restrictions[minimum_amount]=5000&restrictions[minimum_amount_currency]=usd"
        + "&restrictions[currency_options][eur][minimum_amount]=4500");
    String param = "promotion_code";

    assertRefused("resource_missing", param, () -> promotionCodes.redeemable(ctx(), "NOPE", customer, 100, "usd", true, param));
    assertRefused("promotion_code_inactive", param, () -> promotionCodes.redeemable(ctx(), "off", customer, 100, "usd", true, param));
    assertRefused("promotion_code_restricted", param, () -> promotionCodes.redeemable(ctx(), "ADA", "cus_other", 100, "usd", true, param));
    assertEquals("ADA", promotionCodes.redeemable(ctx(), "ADA", customer, 100, "usd", true, param).code());
    assertRefused("promotion_code_restricted", param, () -> promotionCodes.redeemable(ctx(), "FIRST", customer, 100, "usd", false, param));
    assertEquals("FIRST", promotionCodes.redeemable(ctx(), "FIRST", customer, 100, "usd", true, param).code());

    assertRefused("promotion_code_restricted", param, () -> promotionCodes.redeemable(ctx(), "BIG", customer, 4999, "usd", true, param));
    assertEquals("BIG", promotionCodes.redeemable(ctx(), "BIG", customer, 5000, "usd", true, param).code());
    assertEquals("BIG", promotionCodes.redeemable(ctx(), "BIG", customer, 4500, "eur", true, param).code());
    assertRefused("promotion_code_restricted", param, () -> promotionCodes.redeemable(ctx(), "BIG", customer, 9999, "gbp", true, param));

    TestStack.CLOCK.advance(Duration.ofSeconds(31));
    assertRefused("promotion_code_expired", param, () -> promotionCodes.redeemable(ctx(), "SOON", customer, 100, "usd", true, param));

    // a code whose coupon was deleted can no longer be used
    TestStack.send("DELETE", "/v1/coupons/" + couponId, key, null, null);
    assertRefused("coupon_expired", param, () -> promotionCodes.redeemable(ctx(), "ADA", customer, 100, "usd", true, param));
  }

  @Test
  void anAmountOffCouponBehindACodeMustMatchTheCurrency() {
    String couponId = coupon("amount_off=300&currency=gbp");
    create("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + couponId + "&code=POUNDS");
    assertRefused("currency_mismatch", "promotion_code",
        () -> promotionCodes.redeemable(ctx(), "POUNDS", null, 1000, "usd", true, "promotion_code"));
    assertEquals("POUNDS", promotionCodes.redeemable(ctx(), "POUNDS", null, 1000, "gbp", true, "promotion_code").code());
  }
}
