package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discounts a subscription cannot take: each is refused with Stripe's code, naming the discount's
 * parameter, and writes nothing (no subscription, invoice, discount nor redemption).
 */
class BadInputDiscountsTest extends RefusalCase {
  private String customer;
  private String price;

  @BeforeEach
  void customerAndFiftyDollarPrice() {
    customer = newCustomer();
    price = created("/v1/prices", "currency=usd&unit_amount=5000&recurring[interval]=month&product_data[name]=Plan");
  }

  private String created(String path, String body) {
    TestStack.Answer a = post(path, body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private TestStack.Answer subscribe(String discount) {
    return post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price
        + "&collection_method=send_invoice&days_until_due=30&" + discount);
  }

  @Test
  void aPromotionCodeWhoseMinimumIsAboveThePeriodsAmount() {
    String coupon = created("/v1/coupons", "percent_off=10");
    String promo = created("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + coupon
        + "&restrictions[minimum_amount]=10000&restrictions[minimum_amount_currency]=usd");
    // A period costs 5000, under the 10000 minimum.
    refused(400, "promotion_code_restricted", "discounts[0][promotion_code]", () -> subscribe("discounts[0][promotion_code]=" + promo));
  }

  @Test
  void aCouponRedeemedItsMaximumNumberOfTimes() {
    String coupon = created("/v1/coupons", "percent_off=10&max_redemptions=1");
    assertEquals(200, subscribe("discounts[0][coupon]=" + coupon).status());
    refused(400, "coupon_expired", "discounts[0][coupon]", () -> subscribe("discounts[0][coupon]=" + coupon));
    assertEquals(1, get("/v1/coupons/" + coupon).json().get("times_redeemed").asInt());
  }

  @Test
  void anAmountOffCouponInAnotherCurrency() {
    String euros = created("/v1/coupons", "amount_off=500&currency=eur");
    refused(400, "currency_mismatch", "discounts[0][coupon]", () -> subscribe("discounts[0][coupon]=" + euros));
  }

  @Test
  void anUnknownCouponOrPromotionCode() {
    refused(400, "resource_missing", "discounts[0][coupon]", () -> subscribe("discounts[0][coupon]=NOPE"));
    refused(400, "resource_missing", "discounts[0][promotion_code]", () -> subscribe("discounts[0][promotion_code]=promo_nope"));
  }

  @Test
  void aDiscountNamingNeitherOrBoth() {
    String coupon = created("/v1/coupons", "percent_off=10");
    refused(400, "parameter_invalid", "discounts[0]", () -> subscribe("discounts[0][coupon]=" + coupon + "&discounts[0][promotion_code]=promo_x"));
    refused(400, "parameter_invalid", "discounts[1]", () -> subscribe("discounts[0][coupon]=" + coupon + "&discounts[1][coupon]=" + coupon));
  }

  @Test
  void anUpdateNamingAnotherSubscriptionsDiscount() {
    String sub = created("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price
        + "&collection_method=send_invoice&days_until_due=30");
    refused(400, "parameter_invalid", "discounts[0][discount]", () -> post("/v1/subscriptions/" + sub, "discounts[0][discount]=di_other"));
  }
}
