package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/subscriptions}: customers and prices that cannot be subscribed to, items that cannot
 * share a subscription, options that contradict each other, changes to what has ended, and a first
 * invoice that cannot be paid. Each is refused with Stripe's status, type, code and param, and
 * nothing is written: no subscription, no invoice, no event, no customer change.
 */
class BadInputSubscriptionsTest extends RefusalCase {
  private String customer;
  private String monthlyUsd;

  @BeforeEach
  void customerAndPrice() {
    customer = newCustomer();
    monthlyUsd = price("currency=usd&unit_amount=1000&recurring[interval]=month&product_data[name]=Seat");
  }

  private String price(String body) {
    TestStack.Answer a = post("/v1/prices", body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private TestStack.Answer create(String body) {
    return post("/v1/subscriptions", body);
  }

  /** An active subscription (send_invoice) to change or cancel. */
  private JsonNode subscription() {
    TestStack.Answer a = create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&collection_method=send_invoice&days_until_due=30");
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  // ---- who and what ----------------------------------------------------------------------------

  @Test
  void missingCustomer() {
    refused(400, "parameter_missing", "customer", () -> create("items[0][price]=" + monthlyUsd));
  }

  @Test
  void unknownCustomer() {
    JsonNode e = refused(400, "resource_missing", "customer", () -> create("customer=cus_doesnotexist&items[0][price]=" + monthlyUsd));
    assertTrue(e.get("message").asText().contains("cus_doesnotexist"), e.toString());
  }

  @Test
  void deletedCustomer() {
    assertEquals(200, TestStack.send("DELETE", "/v1/customers/" + customer, key, null, null).status());
    refused(400, "resource_missing", "customer", () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd));
  }

  @Test
  void anotherMerchantsCustomer() {
    String theirs = newCustomer(TestStack.newMerchant().testSecretKey());
    refused(400, "resource_missing", "customer", () -> create("customer=" + theirs + "&items[0][price]=" + monthlyUsd));
  }

  @Test
  void noItems() {
    refused(400, "parameter_missing", "items", () -> create("customer=" + customer));
  }

  @Test
  void unknownPrice() {
    refused(400, "resource_missing", "items[0][price]", () -> create("customer=" + customer + "&items[0][price]=price_doesnotexist"));
  }

  @Test
  void inactivePrice() {
    assertEquals(200, post("/v1/prices/" + monthlyUsd, "active=false").status());
    refused(400, "price_inactive", "items[0][price]", () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd));
  }

  @Test
  void oneTimePrice() {
    String once = price("currency=usd&unit_amount=5000&product_data[name]=Setup");
    refused(400, "parameter_invalid", "items[0][price]", () -> create("customer=" + customer + "&items[0][price]=" + once));
  }

  @Test
  void meteredPrice() {
    String metered = price("currency=usd&unit_amount=5&recurring[interval]=month&recurring[usage_type]=metered&product_data[name]=Calls");
    refused(400, "parameter_invalid", "items[0][price]", () -> create("customer=" + customer + "&items[0][price]=" + metered));
  }

  // ---- items that cannot share a subscription ------------------------------------------------------

  @Test
  void itemsInTwoCurrencies() {
    String euros = price("currency=eur&unit_amount=900&recurring[interval]=month&product_data[name]=Seat EU");
    refused(400, "parameter_invalid", "items[1][price]",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&items[1][price]=" + euros));
  }

  @Test
  void itemsWithTwoIntervals() {
    String yearly = price("currency=usd&unit_amount=10000&recurring[interval]=year&product_data[name]=Support");
    refused(400, "parameter_invalid", "items[1][price]",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&items[1][price]=" + yearly));
  }

  @Test
  void theSamePriceTwice() {
    refused(400, "parameter_invalid", "items[1][price]",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&items[1][price]=" + monthlyUsd + "&items[1][quantity]=2"));
  }

  @Test
  void negativeQuantity() {
    refused(400, "parameter_invalid_integer", "items[0][quantity]",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&items[0][quantity]=-1"));
  }

  // ---- options that contradict each other -----------------------------------------------------------

  @Test
  void sendInvoiceWithoutDaysUntilDue() {
    refused(400, "parameter_missing", "days_until_due",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&collection_method=send_invoice"));
  }

  @Test
  void daysUntilDueWhenChargedAutomatically() {
    refused(400, "parameter_invalid", "days_until_due",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&days_until_due=30"));
  }

  @Test
  void trialEndInThePast() {
    long past = TestStack.CLOCK.instant().getEpochSecond() - 3600;
    refused(400, "parameter_invalid", "trial_end", () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&trial_end=" + past));
  }

  @Test
  void trialEndAndTrialPeriodDays() {
    long inAWeek = TestStack.CLOCK.instant().getEpochSecond() + 7 * BillingFixtures.DAY;
    refused(400, "parameters_exclusive", "trial_end",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&trial_end=" + inAWeek + "&trial_period_days=7"));
  }

  @Test
  void cancelAtAndCancelAtPeriodEnd() {
    long inAWeek = TestStack.CLOCK.instant().getEpochSecond() + 7 * BillingFixtures.DAY;
    refused(400, "parameters_exclusive", "cancel_at",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&cancel_at=" + inAWeek + "&cancel_at_period_end=true"));
  }

  // ---- changes ----------------------------------------------------------------------------------------

  @Test
  void updateOfACanceledSubscription() {
    String id = subscription().get("id").asText();
    assertEquals(200, TestStack.send("DELETE", "/v1/subscriptions/" + id, key, null, null).status());
    refused(400, "subscription_ended", null, () -> post("/v1/subscriptions/" + id, "metadata[note]=too+late"));
    refused(400, "subscription_ended", null, () -> post("/v1/subscriptions/" + id, "cancel_at_period_end=false"));
    refused(400, "subscription_canceled", null, () -> TestStack.send("DELETE", "/v1/subscriptions/" + id, key, null, null));
  }

  @Test
  void unknownItemIdOnUpdate() {
    String id = subscription().get("id").asText();
    refused(400, "resource_missing", "items[0][id]", () -> post("/v1/subscriptions/" + id, "items[0][id]=si_doesnotexist&items[0][quantity]=2"));
  }

  @Test
  void anotherSubscriptionsItemOnUpdate() {
    String id = subscription().get("id").asText();
    String foreignItem = subscription().get("items").get("data").get(0).get("id").asText();
    refused(400, "resource_missing", "items[0][id]", () -> post("/v1/subscriptions/" + id, "items[0][id]=" + foreignItem + "&items[0][quantity]=2"));
  }

  @Test
  void unknownSubscription() {
    refused(404, "resource_missing", "id", () -> post("/v1/subscriptions/sub_doesnotexist", "metadata[a]=b"));
    refused(404, "resource_missing", "id", () -> TestStack.send("DELETE", "/v1/subscriptions/sub_doesnotexist", key, null, null));
  }

  // ---- a first invoice that cannot be paid ----------------------------------------------------------

  @Test
  void errorIfIncompleteWithoutAWayToPayWritesNothing() {
    JsonNode e = refused(List.of(account), 402, "card_error", "payment_method_required", "default_payment_method",
        () -> create("customer=" + customer + "&items[0][price]=" + monthlyUsd + "&items[0][quantity]=2&payment_behavior=error_if_incomplete"));
    assertTrue(e.get("message").asText().contains("2000"), e.toString());
    // Nothing was written: the customer's invoice sequence and currency are untouched, and no subscription is listed.
    JsonNode c = get("/v1/customers/" + customer).json();
    assertEquals(1, c.get("next_invoice_sequence").asInt());
    assertTrue(c.get("currency").isNull(), c.toString());
    assertEquals(0, get("/v1/subscriptions?status=all").json().get("data").size());
    assertEquals(0, get("/v1/invoices").json().get("data").size());
  }
}
