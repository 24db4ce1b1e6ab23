package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/coupons}: terms Stripe refuses, ids that clash or are not there, and nothing written for any of them. */
class BadInputCouponsTest extends RefusalCase {

  private String newCoupon(String body) {
    TestStack.Answer a = post("/v1/coupons", body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  @Test
  void percentOffOutOfRange() {
    for (String p : List.of("0", "-5", "100.01", "12.345")) {
      JsonNode e = refused(400, "parameter_invalid", "percent_off", () -> post("/v1/coupons", "percent_off=" + p));
      assertTrue(e.get("message").asText().contains(p), e.toString());
    }
    refused(400, "parameter_invalid", "percent_off", () -> post("/v1/coupons", "percent_off=ten"));
    refused(400, "parameter_invalid_empty", "percent_off", () -> post("/v1/coupons", "percent_off="));
  }

  @Test
  void amountOffNeedsASupportedCurrency() {
    refused(400, "parameter_invalid", "currency", () -> post("/v1/coupons", "amount_off=500&currency=xyz"));
    refused(400, "parameter_missing", "currency", () -> post("/v1/coupons", "amount_off=500"));
    refused(400, "parameter_invalid", "amount_off", () -> post("/v1/coupons", "amount_off=0&currency=usd"));
    refused(400, "parameter_invalid_integer", "amount_off", () -> post("/v1/coupons", "amount_off=5.50&currency=usd"));
    refused(400, "parameter_invalid", "currency", () -> post("/v1/coupons", "percent_off=10&currency=usd"));
  }

  @Test
  void exactlyOneOfPercentOffAndAmountOff() {
    refused(400, "parameters_exclusive", "amount_off", () -> post("/v1/coupons", "percent_off=10&amount_off=500&currency=usd"));
    refused(400, "parameter_missing", "percent_off", () -> post("/v1/coupons", "duration=once"));
  }

  @Test
  void durationInMonthsOnlyForRepeating() {
    JsonNode e = refused(400, "parameter_missing", "duration_in_months", () -> post("/v1/coupons", "percent_off=10&duration=repeating"));
    assertTrue(e.get("message").asText().contains("repeating"), e.toString());
    refused(400, "parameter_invalid", "duration_in_months", () -> post("/v1/coupons", "percent_off=10&duration=forever&duration_in_months=3"));
    refused(400, "parameter_invalid_integer", "duration_in_months",
        () -> post("/v1/coupons", "percent_off=10&duration=repeating&duration_in_months=0"));
    refused(400, "parameter_invalid", "duration", () -> post("/v1/coupons", "percent_off=10&duration=weekly"));
  }

  @Test
  void otherLimits() {
    long now = TestStack.CLOCK.instant().getEpochSecond();
    refused(400, "parameter_invalid", "redeem_by", () -> post("/v1/coupons", "percent_off=10&redeem_by=" + (now - 1)));
    refused(400, "parameter_invalid_integer", "max_redemptions", () -> post("/v1/coupons", "percent_off=10&max_redemptions=0"));
    refused(400, "string_length_exceeds_maximum", "name", () -> post("/v1/coupons", "percent_off=10&name=" + "n".repeat(41)));
    refused(400, "parameter_invalid", "id", () -> post("/v1/coupons", "percent_off=10&id=half+off"));
    refused(400, "parameter_invalid", "currency_options", () -> post("/v1/coupons", "amount_off=5&currency=usd&currency_options[eur][amount_off]=5"));
    refused(400, "parameter_unknown", "percent", () -> post("/v1/coupons", "percent_off=10&percent=10"));
  }

  @Test
  void appliesToNeedsExistingProducts() {
    JsonNode e = refused(400, "resource_missing", "applies_to[products][0]",
        () -> post("/v1/coupons", "percent_off=10&applies_to[products][0]=prod_nope"));
    assertEquals("No such product: 'prod_nope'", e.get("message").asText());
    refused(400, "parameter_invalid", "applies_to[products]", () -> post("/v1/coupons", "percent_off=10&applies_to[products]="));
    refused(400, "parameter_missing", "applies_to[products]", () -> post("/v1/coupons", "percent_off=10&applies_to[x]=1"));
  }

  @Test
  void duplicateCouponId() {
    newCoupon("id=WELCOME&percent_off=10");
    JsonNode e = refused(400, "resource_already_exists", "id", () -> post("/v1/coupons", "id=WELCOME&amount_off=500&currency=usd"));
    assertTrue(e.get("message").asText().contains("WELCOME"), e.toString());
    assertEquals(10, get("/v1/coupons/WELCOME").json().get("percent_off").asInt());
  }

  @Test
  void onlyNameAndMetadataChange() {
    String id = newCoupon("percent_off=10");
    refused(400, "parameter_unknown", "percent_off", () -> post("/v1/coupons/" + id, "percent_off=20"));
    refused(400, "parameter_unknown", "duration", () -> post("/v1/coupons/" + id, "name=x&duration=forever"));
    refused(400, "string_length_exceeds_maximum", "name", () -> post("/v1/coupons/" + id, "name=" + "n".repeat(41)));
    assertEquals(10, get("/v1/coupons/" + id).json().get("percent_off").asInt());
  }

  @Test
  void unknownCouponInTheUrl() {
    JsonNode e = refused(404, "resource_missing", "id", () -> get("/v1/coupons/NOPE"));
    assertEquals("No such coupon: 'NOPE'", e.get("message").asText());
    refused(404, "resource_missing", "id", () -> post("/v1/coupons/NOPE", "name=x"));
    refused(404, "resource_missing", "id", () -> TestStack.send("DELETE", "/v1/coupons/NOPE", key, null, null));
    refused(400, "resource_missing", "starting_after", () -> get("/v1/coupons?starting_after=NOPE"));
  }

  @Test
  void anotherMerchantsCouponDoesNotExistHere() {
    var other = TestStack.newMerchant();
    TestStack.Answer theirs = TestStack.post("/v1/coupons", other.testSecretKey(), "id=THEIRS&percent_off=50");
    assertEquals(200, theirs.status(), theirs.body());
    List<String> both = List.of(account, other.account().id());
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> get("/v1/coupons/THEIRS"));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> post("/v1/coupons/THEIRS", "name=Mallory"));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> TestStack.send("DELETE", "/v1/coupons/THEIRS", key, null, null));
    refused(both, 400, INVALID_REQUEST, "resource_missing", "starting_after", () -> get("/v1/coupons?starting_after=THEIRS"));
  }

  @Test
  void badCreatedFilter() {
    refused(400, "parameter_invalid_integer", "created", () -> get("/v1/coupons?created=yesterday"));
    refused(400, "parameter_invalid_integer", "created[gte]", () -> get("/v1/coupons?created%5Bgte%5D=yesterday"));
    refused(400, "parameter_unknown", "created[after]", () -> get("/v1/coupons?created%5Bafter%5D=1"));
  }
}
