package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.StripeCollection;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointListParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/webhook_endpoints} through stripe-java, and Stripe's refusals for bad input (nothing written). */
class WebhookEndpointsApiTest extends RefusalCase {
  private static final List<String> KEYS = List.of("id", "object", "api_version", "application", "created", "description", "enabled_events",
      "livemode", "metadata", "status", "url");

  private StripeClient stripe() {
    return TestStack.stripe(key);
  }

  @Test
  void createRetrieveUpdateListDelete() throws Exception {
    StripeClient stripe = stripe();
    WebhookEndpoint created = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
        .setUrl("https://merchant.example/hooks").setDescription("Billing sync")
        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__SUBSCRIPTION__UPDATED)
        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.INVOICE__PAID)
        .putMetadata("team", "billing").build());
    assertTrue(created.getId().startsWith("we_"));
    assertTrue(created.getSecret().startsWith("whsec_"), "the secret comes once, at creation");
    List<String> withSecret = new java.util.ArrayList<>(KEYS);
    withSecret.add("secret");
    assertKeys(created.getRawJsonObject(), withSecret.toArray(String[]::new));
    assertEquals("enabled", created.getStatus());
    assertEquals(List.of("customer.subscription.updated", "invoice.paid"), created.getEnabledEvents());
    assertNull(created.getApiVersion());
    assertFalse(created.getLivemode());

    WebhookEndpoint read = stripe.v1().webhookEndpoints().retrieve(created.getId());
    assertKeys(read.getRawJsonObject(), KEYS.toArray(String[]::new));
    assertNull(read.getSecret(), "never shown again");
    assertEquals("Billing sync", read.getDescription());
    assertEquals(Map.of("team", "billing"), read.getMetadata());

    WebhookEndpoint disabled = stripe.v1().webhookEndpoints().update(created.getId(), WebhookEndpointUpdateParams.builder().setDisabled(true)
        .setUrl("https://merchant.example/hooks/v2").addEnabledEvent(WebhookEndpointUpdateParams.EnabledEvent.ALL).build());
    assertEquals("disabled", disabled.getStatus());
    assertEquals("https://merchant.example/hooks/v2", disabled.getUrl());
    assertEquals(List.of("*"), disabled.getEnabledEvents());
    assertNull(disabled.getSecret());
    assertEquals("enabled", stripe.v1().webhookEndpoints().update(created.getId(), WebhookEndpointUpdateParams.builder().setDisabled(false).build())
        .getStatus());

    TestStack.CLOCK.advance(java.time.Duration.ofSeconds(1)); // the clock stands still between moves: a later second orders the list
    WebhookEndpoint second = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl("http://localhost:9000/hooks")
        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).setApiVersion(WebhookEndpointCreateParams.ApiVersion.VERSION_2026_07_29_DAHLIA)
        .build());
    assertEquals("2026-07-29.dahlia", second.getApiVersion());
    StripeCollection<WebhookEndpoint> list = stripe.v1().webhookEndpoints().list(WebhookEndpointListParams.builder().setLimit(1L).build());
    assertEquals(List.of(second.getId()), list.getData().stream().map(WebhookEndpoint::getId).toList(), "newest first");
    assertTrue(list.getHasMore());
    assertNull(list.getData().get(0).getSecret());
    assertEquals(List.of(created.getId()), stripe.v1().webhookEndpoints()
        .list(WebhookEndpointListParams.builder().setStartingAfter(second.getId()).build()).getData().stream().map(WebhookEndpoint::getId).toList());

    WebhookEndpoint deleted = stripe.v1().webhookEndpoints().delete(created.getId());
    assertTrue(deleted.getDeleted());
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().webhookEndpoints().retrieve(created.getId()));
    assertEquals(1, stripe.v1().webhookEndpoints().list(WebhookEndpointListParams.builder().build()).getData().size());
  }

  @Test
  void badInputIsRefusedAsStripeDoes() {
    refused(400, "parameter_missing", "url", () -> post("/v1/webhook_endpoints", "enabled_events[]=*"));
    refused(400, "parameter_missing", "enabled_events", () -> post("/v1/webhook_endpoints", "url=https://a.example/h"));
    refused(400, "url_invalid", "url", () -> post("/v1/webhook_endpoints", "url=not-a-url&enabled_events[]=*"));
    refused(400, "parameter_invalid", "enabled_events[1]",
        () -> post("/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[0]=customer.created&enabled_events[1]=customer.exploded"));
    refused(400, "parameter_invalid", "api_version", () -> post("/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=*&api_version=yesterday"));
    refused(400, "parameter_unknown", "secret", () -> post("/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=*&secret=whsec_mine"));
    refused(400, "parameter_invalid", "connect", () -> post("/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=*&connect=true"));
    refused(404, "resource_missing", "id", () -> get("/v1/webhook_endpoints/we_nope"));
    refused(404, "resource_missing", "id", () -> post("/v1/webhook_endpoints/we_nope", "disabled=true"));
    refused(404, "resource_missing", "id", () -> TestStack.send("DELETE", "/v1/webhook_endpoints/we_nope", key, null, null));
    String id = post("/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=*").json().get("id").asText();
    refused(400, "parameter_invalid_boolean", "disabled", () -> post("/v1/webhook_endpoints/" + id, "disabled=maybe"));
    refused(400, "parameter_invalid_empty", "enabled_events", () -> post("/v1/webhook_endpoints/" + id, "enabled_events="));
    refused(400, "parameter_unknown", "api_version", () -> post("/v1/webhook_endpoints/" + id, "api_version=2026-07-29.dahlia"));
    refused(400, "parameter_missing", "event", () -> post("/v1/webhook_endpoints/" + id + "/resend", ""));
    refused(400, "resource_missing", "event", () -> post("/v1/webhook_endpoints/" + id + "/resend", "event=evt_nope"));
    refused(400, "parameter_invalid", "status", () -> get("/v1/webhook_endpoints/" + id + "/deliveries?status=lost"));
    // Another merchant's endpoint does not exist for this one.
    String other = TestStack.newMerchant().testSecretKey();
    assertEquals(404, TestStack.get("/v1/webhook_endpoints/" + id, other).status());
  }

  @Test
  void sixteenEndpointsAtMost() {
    for (int i = 0; i < 16; i++) assertEquals(200, post("/v1/webhook_endpoints", "url=https://a.example/h" + i + "&enabled_events[]=*").status());
    refused(400, "webhook_endpoints_limit", "url", () -> post("/v1/webhook_endpoints", "url=https://a.example/h16&enabled_events[]=*"));
  }
}
