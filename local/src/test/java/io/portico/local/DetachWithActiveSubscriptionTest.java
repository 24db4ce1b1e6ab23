package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.service.AccountService;
import org.junit.jupiter.api.Test;

/**
 * The API lets a merchant detach a customer's only payment method even while a subscription is
 * active, as Stripe's does: keeping one chargeable method is the portal's rule, not the API's.
 */
class DetachWithActiveSubscriptionTest {
  @Test
  void theOnlyCardOfAnActiveSubscriberCanBeDetachedThroughTheApi() {
    AccountService.CreatedAccount m = TestStack.newMerchant();
    String key = m.testSecretKey();
    String customer = TestStack.post("/v1/customers", key, "name=Only%20Card").json().get("id").asText();
    String card = TestStack.post("/v1/payment_methods/pm_card_visa/attach", key, "customer=" + customer).json().get("id").asText();
    TestStack.post("/v1/customers/" + customer, key, "invoice_settings[default_payment_method]=" + card);
    String price = TestStack.post("/v1/prices", key, "currency=usd&unit_amount=900&recurring[interval]=month&product_data[name]=Solo")
        .json().get("id").asText();
    var sub = TestStack.post("/v1/subscriptions", key, "customer=" + customer + "&items[0][price]=" + price).json();
    assertEquals("active", sub.get("status").asText(), "paid with the only card");

    TestStack.Answer detached = TestStack.post("/v1/payment_methods/" + card + "/detach", key, "");
    assertEquals(200, detached.status(), detached.body());
    assertTrue(detached.json().get("customer").isNull());
    var after = TestStack.get("/v1/customers/" + customer, key).json();
    assertTrue(after.at("/invoice_settings/default_payment_method").isNull(), "the default went with it");
    assertEquals("active", TestStack.get("/v1/subscriptions/" + sub.get("id").asText(), key).json().get("status").asText());
  }
}
