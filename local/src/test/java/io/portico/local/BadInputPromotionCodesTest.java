package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/promotion_codes}: coupons and customers that are not there, clashing codes, restrictions Stripe refuses. */
class BadInputPromotionCodesTest extends RefusalCase {

  private String newCoupon(String body) {
    TestStack.Answer a = post("/v1/coupons", body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private String newCode(String body) {
    TestStack.Answer a = post("/v1/promotion_codes", body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private static String promotion(String coupon) {
    return "promotion[type]=coupon&promotion[coupon]=" + coupon;
  }

  @Test
  void unknownCoupon() {
    JsonNode e = refused(400, "resource_missing", "promotion[coupon]", () -> post("/v1/promotion_codes", promotion("NOPE")));
    assertEquals("No such coupon: 'NOPE'", e.get("message").asText());
  }

  @Test
  void couponThatIsNoLongerValid() {
    String deleted = newCoupon("percent_off=10");
    assertEquals(200, TestStack.send("DELETE", "/v1/coupons/" + deleted, key, null, null).status());
    refused(400, "resource_missing", "promotion[coupon]", () -> post("/v1/promotion_codes", promotion(deleted)));

    String expiring = newCoupon("percent_off=10&redeem_by=" + (TestStack.CLOCK.instant().getEpochSecond() + 30));
    TestStack.CLOCK.advance(Duration.ofSeconds(31));
    JsonNode e = refused(400, "coupon_expired", "promotion[coupon]", () -> post("/v1/promotion_codes", promotion(expiring)));
    assertTrue(e.get("message").asText().contains(expiring), e.toString());
  }

  @Test
  void anotherMerchantsCouponOrCustomer() {
    var other = TestStack.newMerchant();
    TestStack.Answer theirs = TestStack.post("/v1/coupons", other.testSecretKey(), "id=SHARED&percent_off=50");
    assertEquals(200, theirs.status(), theirs.body());
    String theirCustomer = newCustomer(other.testSecretKey());
    String mine = newCoupon("percent_off=10");
    List<String> both = List.of(account, other.account().id());
    refused(both, 400, INVALID_REQUEST, "resource_missing", "promotion[coupon]", () -> post("/v1/promotion_codes", promotion("SHARED")));
    refused(both, 400, INVALID_REQUEST, "resource_missing", "customer",
        () -> post("/v1/promotion_codes", promotion(mine) + "&customer=" + theirCustomer));
  }

  @Test
  void unknownOrDeletedCustomer() {
    String coupon = newCoupon("percent_off=10");
    JsonNode e = refused(400, "resource_missing", "customer", () -> post("/v1/promotion_codes", promotion(coupon) + "&customer=cus_nope"));
    assertEquals("No such customer: 'cus_nope'", e.get("message").asText());
    String gone = newCustomer();
    assertEquals(200, TestStack.send("DELETE", "/v1/customers/" + gone, key, null, null).status());
    refused(400, "resource_missing", "customer", () -> post("/v1/promotion_codes", promotion(coupon) + "&customer=" + gone));
  }

  @Test
  void duplicateActiveCodeWhateverItsCase() {
    String coupon = newCoupon("percent_off=10");
    newCode(promotion(coupon) + "&code=FALL24");
    JsonNode e = refused(400, "resource_already_exists", "code", () -> post("/v1/promotion_codes", promotion(coupon) + "&code=fall24"));
    assertTrue(e.get("message").asText().contains("fall24"), e.toString());
    // an inactive code with the same text is fine, and reactivating it is not
    String dormant = newCode(promotion(coupon) + "&code=Fall24&active=false");
    refused(400, "resource_already_exists", "code", () -> post("/v1/promotion_codes/" + dormant, "active=true"));
    assertEquals(false, get("/v1/promotion_codes/" + dormant).json().get("active").asBoolean());
  }

  @Test
  void malformedParameters() {
    String coupon = newCoupon("percent_off=10");
    long now = TestStack.CLOCK.instant().getEpochSecond();
    refused(400, "parameter_missing", "promotion", () -> post("/v1/promotion_codes", "code=X"));
    refused(400, "parameter_missing", "promotion[type]", () -> post("/v1/promotion_codes", "promotion[coupon]=" + coupon));
    refused(400, "parameter_invalid", "promotion[type]", () -> post("/v1/promotion_codes", "promotion[type]=gift&promotion[coupon]=" + coupon));
    refused(400, "parameter_missing", "promotion[coupon]", () -> post("/v1/promotion_codes", "promotion[type]=coupon"));
    refused(400, "parameter_invalid", "code", () -> post("/v1/promotion_codes", promotion(coupon) + "&code=TEN+OFF"));
    refused(400, "string_length_exceeds_maximum", "code", () -> post("/v1/promotion_codes", promotion(coupon) + "&code=" + "C".repeat(501)));
    refused(400, "parameter_invalid", "expires_at", () -> post("/v1/promotion_codes", promotion(coupon) + "&expires_at=" + now));
    refused(400, "parameter_invalid_integer", "max_redemptions", () -> post("/v1/promotion_codes", promotion(coupon) + "&max_redemptions=0"));
    refused(400, "parameter_unknown", "coupon", () -> post("/v1/promotion_codes", "coupon=" + coupon));
  }

  @Test
  void restrictionsStripeRefuses() {
    String coupon = newCoupon("percent_off=10");
    String p = promotion(coupon);
    refused(400, "parameter_missing", "restrictions[minimum_amount_currency]",
        () -> post("/v1/promotion_codes", p + "&restrictions[minimum_amount]=1000"));
    refused(400, "parameter_missing", "restrictions[minimum_amount]",
        () -> post("/v1/promotion_codes", p + "&restrictions[minimum_amount_currency]=usd"));
    refused(400, "parameter_invalid", "restrictions[minimum_amount_currency]",
        () -> post("/v1/promotion_codes", p + "&restrictions[minimum_amount]=1000&restrictions[minimum_amount_currency]=xyz"));
    refused(400, "parameter_invalid", "restrictions[currency_options]",
        () -> post("/v1/promotion_codes", p + "&restrictions[currency_options][eur][minimum_amount]=900"));
    String base = p + "&restrictions[minimum_amount]=1000&restrictions[minimum_amount_currency]=usd";
    refused(400, "parameter_invalid", "restrictions[currency_options][usd]",
        () -> post("/v1/promotion_codes", base + "&restrictions[currency_options][usd][minimum_amount]=900"));
    refused(400, "parameter_missing", "restrictions[currency_options][eur][minimum_amount]",
        () -> post("/v1/promotion_codes", base + "&restrictions[currency_options][eur][x]=1"));
    refused(400, "parameter_invalid_boolean", "restrictions[first_time_transaction]",
        () -> post("/v1/promotion_codes", p + "&restrictions[first_time_transaction]=yes"));
  }

  @Test
  void onlyActiveMetadataAndCurrencyOptionsChange() {
    String coupon = newCoupon("percent_off=10");
    String id = newCode(promotion(coupon) + "&code=KEEP");
    refused(400, "parameter_unknown", "code", () -> post("/v1/promotion_codes/" + id, "code=OTHER"));
    refused(400, "parameter_unknown", "restrictions[minimum_amount]", () -> post("/v1/promotion_codes/" + id, "restrictions[minimum_amount]=5"));
    refused(400, "parameter_invalid", "restrictions[currency_options]",
        () -> post("/v1/promotion_codes/" + id, "restrictions[currency_options][eur][minimum_amount]=5"));
    assertEquals("KEEP", get("/v1/promotion_codes/" + id).json().get("code").asText());
  }

  @Test
  void unknownPromotionCodeInTheUrl() {
    JsonNode e = refused(404, "resource_missing", "id", () -> get("/v1/promotion_codes/promo_nope"));
    assertEquals("No such promotion_code: 'promo_nope'", e.get("message").asText());
    refused(404, "resource_missing", "id", () -> post("/v1/promotion_codes/promo_nope", "active=false"));
    refused(400, "expand_invalid", "expand", () -> get("/v1/promotion_codes?expand%5B%5D=promotion.coupon"));
  }
}
