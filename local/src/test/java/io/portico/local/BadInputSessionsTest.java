package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/billing_portal/sessions}: customers and configurations that are not there or not
 * ours, locales, URLs and flow_data. Each test's customer exists, so a refusal is about what the
 * test changed; the count taken after it is created proves the refusal wrote nothing (not even the
 * account's default configuration, which the first accepted session creates).
 */
class BadInputSessionsTest extends RefusalCase {
  private static final String PATH = "/v1/billing_portal/sessions";
  private String customer;

  @BeforeEach
  void aCustomer() {
    customer = newCustomer();
  }

  private TestStack.Answer session(String extra) {
    return post(PATH, "customer=" + customer + (extra.isEmpty() ? "" : "&" + extra));
  }

  @Test
  void theControlCaseWorksAndIsCounted() {
    // Proves the "nothing written" checks can fail: an accepted first session writes the session,
    // the default configuration (with its marker) and their events.
    int before = TestStack.itemsOwnedBy(account);
    assertEquals(200, session("return_url=https://example.com/account").status());
    assertTrue(TestStack.itemsOwnedBy(account) > before);
  }

  @Test
  void customerMissingOrEmpty() {
    refused(400, "parameter_missing", "customer", () -> post(PATH, "return_url=https://example.com"));
    refused(400, "parameter_invalid_empty", "customer", () -> post(PATH, "customer="));
  }

  @Test
  void unknownCustomer() {
    // Named in the body, so 400 (not 404 as in a URL), with the param that named it.
    JsonNode e = refused(400, "resource_missing", "customer", () -> post(PATH, "customer=cus_nope"));
    assertEquals("No such customer: 'cus_nope'", e.get("message").asText());
  }

  @Test
  void deletedCustomer() {
    assertEquals(200, TestStack.send("DELETE", "/v1/customers/" + customer, key, null, null).status());
    refused(400, "resource_missing", "customer", () -> session(""));
  }

  @Test
  void anotherMerchantsCustomerIsNeverServed() {
    var other = TestStack.newMerchant();
    String theirs = newCustomer(other.testSecretKey());
    JsonNode e = refused(List.of(account, other.account().id()), 400, INVALID_REQUEST, "resource_missing", "customer",
        () -> post(PATH, "customer=" + theirs));
    assertTrue(!e.toString().contains("/p/session/"), "no link may be handed out: " + e);
  }

  @Test
  void unknownConfiguration() {
    JsonNode e = refused(400, "resource_missing", "configuration", () -> session("configuration=bpc_nope"));
    assertEquals("No such billing_portal.configuration: 'bpc_nope'", e.get("message").asText());
    refused(400, "parameter_invalid_empty", "configuration", () -> session("configuration="));
  }

  @Test
  void anotherMerchantsConfiguration() {
    var other = TestStack.newMerchant();
    TestStack.Answer theirs = TestStack.post("/v1/billing_portal/configurations", other.testSecretKey(),
        "features[invoice_history][enabled]=true");
    assertEquals(200, theirs.status(), theirs.body());
    String id = theirs.json().get("id").asText();
    refused(List.of(account, other.account().id()), 400, INVALID_REQUEST, "resource_missing", "configuration",
        () -> session("configuration=" + id));
  }

  @Test
  void inactiveConfiguration() {
    TestStack.Answer c = post("/v1/billing_portal/configurations", "features[invoice_history][enabled]=true");
    String id = c.json().get("id").asText();
    assertEquals(200, post("/v1/billing_portal/configurations/" + id, "active=false").status());
    refused(400, "configuration_inactive", "configuration", () -> session("configuration=" + id));
  }

  @Test
  void unknownLocale() {
    refused(400, "parameter_invalid", "locale", () -> session("locale=xx"));
    refused(400, "parameter_invalid", "locale", () -> session("locale=EN")); // locales are case-sensitive, as Stripe's
  }

  @Test
  void returnUrlThatIsNotAUrl() {
    JsonNode e = refused(400, "url_invalid", "return_url", () -> session("return_url=notaurl"));
    assertTrue(e.get("message").asText().contains("notaurl"), e.toString());
    refused(400, "url_invalid", "return_url", () -> session("return_url=/relative/path"));
    refused(400, "url_invalid", "return_url", () -> session("return_url=https://"));
  }

  @Test
  void otherSessionParameters() {
    refused(400, "parameter_unknown", "foo", () -> session("foo=bar"));
    refused(400, "resource_missing", "on_behalf_of", () -> session("on_behalf_of=cus_123"));
    refused(400, "parameter_invalid", "customer_account", () -> post(PATH, "customer_account=acct_123"));
    refused(400, "expand_invalid", "expand", () -> session("expand[]=customer"));
  }

  // ---- flow_data -------------------------------------------------------------------------------

  @Test
  void flowWithoutType() {
    refused(400, "parameter_missing", "flow_data[type]", () -> session("flow_data[subscription_cancel][subscription]=sub_123"));
    refused(400, "parameter_missing", "flow_data[type]", () -> session("flow_data[after_completion][type]=portal_homepage"));
  }

  @Test
  void flowOfAnUnknownType() {
    refused(400, "parameter_invalid", "flow_data[type]", () -> session("flow_data[type]=subscription_pause"));
  }

  @Test
  void flowDataThatIsNotAHash() {
    refused(400, "parameter_invalid", "flow_data", () -> session("flow_data=subscription_cancel"));
  }

  @Test
  void subscriptionCancelWithoutSubscription() {
    refused(400, "parameter_missing", "flow_data[subscription_cancel]", () -> session("flow_data[type]=subscription_cancel"));
    refused(400, "parameter_missing", "flow_data[subscription_cancel][subscription]",
        () -> session("flow_data[type]=subscription_cancel&flow_data[subscription_cancel][retention][type]=coupon_offer"));
    refused(400, "parameter_invalid_empty", "flow_data[subscription_cancel][subscription]",
        () -> session("flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]="));
  }

  @Test
  void subscriptionThatIsNotASubscriptionId() {
    refused(400, "resource_missing", "flow_data[subscription_cancel][subscription]",
        () -> session("flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=cus_123"));
  }

  @Test
  void flowHashThatDoesNotMatchTheType() {
    JsonNode e = refused(400, "parameter_invalid", "flow_data[subscription_cancel]",
        () -> session("flow_data[type]=payment_method_update&flow_data[subscription_cancel][subscription]=sub_123"));
    assertTrue(e.get("message").asText().contains("payment_method_update"), e.toString());
    refused(400, "parameter_invalid", "flow_data[subscription_update]",
        () -> session("flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=sub_123"
            + "&flow_data[subscription_update][subscription]=sub_123"));
  }

  @Test
  void redirectWithoutReturnUrl() {
    String pm = "flow_data[type]=payment_method_update";
    refused(400, "parameter_missing", "flow_data[after_completion][redirect]",
        () -> session(pm + "&flow_data[after_completion][type]=redirect"));
    refused(400, "parameter_missing", "flow_data[after_completion][redirect][return_url]",
        () -> session(pm + "&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][foo]=1"));
    refused(400, "url_invalid", "flow_data[after_completion][redirect][return_url]",
        () -> session(pm + "&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][return_url]=notaurl"));
  }

  @Test
  void afterCompletionHashThatDoesNotMatchItsType() {
    refused(400, "parameter_invalid", "flow_data[after_completion][redirect]",
        () -> session("flow_data[type]=payment_method_update&flow_data[after_completion][type]=hosted_confirmation"
            + "&flow_data[after_completion][redirect][return_url]=https://example.com"));
    refused(400, "parameter_missing", "flow_data[after_completion][type]",
        () -> session("flow_data[type]=payment_method_update&flow_data[after_completion][redirect][return_url]=https://example.com"));
  }

  @Test
  void updateConfirmWithoutItems() {
    String c = "flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]=sub_123";
    refused(400, "parameter_missing", "flow_data[subscription_update_confirm][items]", () -> session(c));
    refused(400, "parameter_invalid_empty", "flow_data[subscription_update_confirm][items]",
        () -> session(c + "&flow_data[subscription_update_confirm][items]="));
    refused(400, "parameter_invalid_integer", "flow_data[subscription_update_confirm][items][0][quantity]",
        () -> session(c + "&flow_data[subscription_update_confirm][items][0][id]=si_1"
            + "&flow_data[subscription_update_confirm][items][0][quantity]=two"));
  }

  @Test
  void refusedFirstSessionLeavesNoDefaultConfigurationBehind() {
    // No session yet, so no default configuration: the one that would be created has plan switching
    // off, and the refusal must come before it is written (it used to write it and its event).
    refused(400, "flow_feature_disabled", "flow_data[type]",
        () -> session("flow_data[type]=subscription_update&flow_data[subscription_update][subscription]=sub_123"));
    assertEquals(0, get("/v1/billing_portal/configurations").json().get("data").size());
  }

  @Test
  void flowIntoAFeatureANamedConfigurationTurnsOff() {
    TestStack.Answer c = post("/v1/billing_portal/configurations", "features[invoice_history][enabled]=true");
    String id = c.json().get("id").asText();
    refused(400, "flow_feature_disabled", "flow_data[type]",
        () -> session("configuration=" + id + "&flow_data[type]=payment_method_update"));
  }

  @Test
  void flowIntoAFeatureTheConfigurationTurnsOff() {
    // The first accepted session creates the default configuration (plan switching off); count after that.
    assertEquals(200, session("").status());
    refused(400, "flow_feature_disabled", "flow_data[type]",
        () -> session("flow_data[type]=subscription_update&flow_data[subscription_update][subscription]=sub_123"));
  }
}
