package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import io.portico.domain.Scope;
import io.portico.domain.WebhookRetries;
import io.portico.service.AccountService;
import io.portico.service.WebhookDispatcher;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.CustomerRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on the local stack: changes made through stripe-java become events, the
 * stream hands them to the delivery function, which posts them signed to a receiver on loopback;
 * stripe-java's own Webhook.constructEvent checks every payload. Retries run by moving the clock.
 */
class WebhookDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private AccountService.CreatedAccount merchant;
  private StripeClient stripe;
  private WebhookReceiver receiver;

  @BeforeEach
  void merchantWithReceiver() {
    merchant = TestStack.newMerchant();
    stripe = TestStack.stripe(merchant.testSecretKey());
    receiver = WebhookReceiver.ok();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private WebhookEndpoint endpoint(String url, WebhookEndpointCreateParams.EnabledEvent... events) throws StripeException {
    return stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(url).addAllEnabledEvent(List.of(events)).build());
  }

  /** Verifies a received payload as a merchant's server would (the tolerance window is measured on the stack's clock). */
  private static Event verified(WebhookReceiver.Received r, String secret) throws SignatureVerificationException {
    return r.verify(secret);
  }

  private List<Event> awaitEvents(String secret, int count, java.util.function.Predicate<Event> which) throws Exception {
    assertTrue(WebhookReceiver.await(() -> receiver.received().stream().filter(r -> {
      try {
        return which.test(verified(r, secret));
      } catch (SignatureVerificationException e) {
        throw new AssertionError(e);
      }
    }).count() >= count, WAIT), "expected " + count + " deliveries, got " + receiver.received().size());
    List<Event> out = new java.util.ArrayList<>();
    for (WebhookReceiver.Received r : receiver.received()) {
      Event e = verified(r, secret);
      if (which.test(e)) out.add(e);
    }
    return out;
  }

  @Test
  void everyPayloadVerifiesWithStripeJavaAndCarriesItsObject() throws Exception {
    WebhookEndpoint endpoint = endpoint(receiver.url(), WebhookEndpointCreateParams.EnabledEvent.ALL);
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Jenny Rosen").setEmail("jenny@example.com").build());
    stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setName("Jenny R.").build());

    List<Event> events = awaitEvents(endpoint.getSecret(), 2, e -> true);
    assertEquals(List.of("customer.created", "customer.updated"), events.stream().map(Event::getType).sorted().toList());
    for (Event e : events) {
      assertEquals("2026-07-29.dahlia", e.getApiVersion(), "stripe-java's own version, so it deserializes the object");
      Customer object = assertInstanceOf(Customer.class, e.getDataObjectDeserializer().getObject().orElseThrow(), e.getType());
      assertEquals(customer.getId(), object.getId());
      assertTrue(e.getId().startsWith("evt_"));
    }
    Event updated = events.stream().filter(e -> e.getType().equals("customer.updated")).findFirst().orElseThrow();
    assertEquals("Jenny R.", ((Customer) updated.getDataObjectDeserializer().getObject().orElseThrow()).getName());
    assertEquals("Jenny Rosen", updated.getData().getPreviousAttributes().get("name"));
    // The event retrieved through the API is the one delivered.
    assertEquals(updated.getId(), stripe.v1().events().retrieve(updated.getId()).getId());
    // A tampered payload or another secret fails verification, so the signature really covers the payload.
    WebhookReceiver.Received r = receiver.received().get(0);
    assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(r.payload() + " ", r.signature(), endpoint.getSecret(),
        Webhook.DEFAULT_TOLERANCE, TestStack.CLOCK));
    assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(r.payload(), r.signature(), "whsec_other",
        Webhook.DEFAULT_TOLERANCE, TestStack.CLOCK));
  }

  @Test
  void eventsGoInTheApiVersionTheEndpointAskedFor() throws Exception {
    WebhookEndpoint pinned = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(receiver.url())
        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
        .setApiVersion(WebhookEndpointCreateParams.ApiVersion.VERSION_2025_03_31_BASIL).build());
    stripe.v1().customers().create(CustomerCreateParams.builder().setName("Versioned").build());
    Event e = awaitEvents(pinned.getSecret(), 1, x -> true).get(0);
    assertEquals("2025-03-31.basil", e.getApiVersion());
    // stripe-java deserializes only its own version: the merchant asked for another one, and gets it.
    assertTrue(e.getDataObjectDeserializer().getObject().isEmpty());
  }

  @Test
  void onlySubscribedTypesGoToEnabledEndpoints() throws Exception {
    WebhookEndpoint createdOnly = endpoint(receiver.url(), WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);
    try (WebhookReceiver other = WebhookReceiver.ok()) {
      WebhookEndpoint disabled = endpoint(other.url(), WebhookEndpointCreateParams.EnabledEvent.ALL);
      stripe.v1().webhookEndpoints().update(disabled.getId(), WebhookEndpointUpdateParams.builder().setDisabled(true).build());
      Customer c = stripe.v1().customers().create(CustomerCreateParams.builder().setName("A").build());
      stripe.v1().customers().update(c.getId(), CustomerUpdateParams.builder().setName("B").build());
      Customer last = stripe.v1().customers().create(CustomerCreateParams.builder().setName("C").build());
      List<Event> got = awaitEvents(createdOnly.getSecret(), 2, x -> true);
      // The second creation came after the update: once it is in, the update was seen and not sent.
      assertEquals(List.of("customer.created", "customer.created"), got.stream().map(Event::getType).toList());
      assertTrue(got.stream().anyMatch(e -> objectId(e).equals(last.getId())));
      assertEquals(List.of(), other.received(), "a disabled endpoint gets nothing");
    }
  }

  @Test
  void aCancellationReasonReachesTheMerchantInSubscriptionUpdated() throws Exception {
    WebhookEndpoint endpoint = endpoint(receiver.url(), WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__SUBSCRIPTION__UPDATED);
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Leaving Soon").setEmail("leaving@example.com").build());
    Price price = BillingFixtures.monthly(stripe, 1900, "Team plan");
    Subscription sub = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
        .setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L).build());
    stripe.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true)
        .setCancellationDetails(SubscriptionUpdateParams.CancellationDetails.builder()
            .setFeedback(SubscriptionUpdateParams.CancellationDetails.Feedback.TOO_EXPENSIVE).setComment("Over budget this year").build())
        .build());

    Event e = awaitEvents(endpoint.getSecret(), 1, x -> true).get(0);
    assertEquals("customer.subscription.updated", e.getType());
    Subscription object = assertInstanceOf(Subscription.class, e.getDataObjectDeserializer().getObject().orElseThrow());
    assertEquals(sub.getId(), object.getId());
    assertTrue(object.getCancelAtPeriodEnd());
    assertEquals("too_expensive", object.getCancellationDetails().getFeedback());
    assertEquals("Over budget this year", object.getCancellationDetails().getComment());
    assertEquals(Boolean.FALSE, e.getData().getPreviousAttributes().get("cancel_at_period_end"));
  }

  @Test
  void aPortalCancellationWithAReasonReachesTheMerchant() throws Exception {
    CancelFixtures c = new CancelFixtures();
    WebhookEndpoint endpoint = c.stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(receiver.url())
        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__SUBSCRIPTION__UPDATED).build());
    CancelFixtures.Subscriber s = c.subscriber();
    TestStack.Answer done = c.portal(s).post("/p/api/subscriptions/" + s.subscription() + "/cancel", "reason=too_expensive");
    assertEquals(200, done.status(), done.body());

    Event e = awaitEvents(endpoint.getSecret(), 1, x -> objectId(x).equals(s.subscription())).get(0);
    Subscription object = assertInstanceOf(Subscription.class, e.getDataObjectDeserializer().getObject().orElseThrow());
    assertTrue(object.getCancelAtPeriodEnd());
    assertEquals("too_expensive", object.getCancellationDetails().getFeedback());
  }

  @Test
  void aFailedTransactionWritesNeitherTheChangeNorItsEvent() throws Exception {
    WebhookEndpoint endpoint = endpoint(receiver.url(), WebhookEndpointCreateParams.EnabledEvent.ALL);
    String account = merchant.account().id();
    Scope scope = new Scope(account, false);
    CustomerRepository customers = TestStack.get().context().getBean(CustomerRepository.class);
    Transactions transactions = TestStack.get().context().getBean(Transactions.class);
    io.portico.domain.Customer doomed = new io.portico.domain.Customer("cus_doomed" + System.nanoTime(), null, 0, TestStack.CLOCK.instant().getEpochSecond(),
        null, null, false, null, null, "doomed@example.com", "DOOMED01", new io.portico.domain.Customer.InvoiceSettings(null, null, null, null), false,
        Map.of(), "Doomed", 1, null, List.of(), null, "none", null);
    io.portico.domain.Event event = new io.portico.domain.Event("evt_doomed" + System.nanoTime(), "2026-07-29.dahlia",
        TestStack.CLOCK.instant().getEpochSecond(), new io.portico.domain.Event.Data(io.portico.wire.Json.tree(doomed), null), false, 0,
        new io.portico.domain.Event.Request(null, null), "customer.created", io.portico.domain.Event.Actor.SECRET_KEY);
    int before = TestStack.itemsOwnedBy(account);

    var changes = transactions.begin();
    ((io.portico.store.DynamoCustomerRepository) customers).stageInsert(changes, scope, doomed, TestStack.CLOCK.millis(), event);
    // The injected failure: the same transaction also requires a customer that does not exist to be at version 1.
    customers.stageUnchanged(changes, new Versioned<>(withId(doomed, "cus_missing" + System.nanoTime()), 1, 0, false));
    assertThrows(ConcurrentUpdateException.class, changes::commit);

    assertEquals(before, TestStack.itemsOwnedBy(account), "nothing written: no customer, no event");
    assertNull(customers.find(scope, doomed.id()));
    assertFalse(TestStack.eventsOf(account).stream().anyMatch(e -> doomed.id().equals(e.objectId())));
    // A change made afterwards is delivered; the failed one never is.
    Customer later = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Later").build());
    awaitEvents(endpoint.getSecret(), 1, e -> objectId(e).equals(later.getId()));
    assertFalse(receiver.received().stream().anyMatch(r -> r.payload().contains(doomed.id())));
  }

  private static io.portico.domain.Customer withId(io.portico.domain.Customer c, String id) {
    return new io.portico.domain.Customer(id, c.address(), c.balance(), c.created(), c.currency(), c.defaultSource(), c.delinquent(), c.description(),
        c.discount(), c.email(), c.invoicePrefix(), c.invoiceSettings(), c.livemode(), c.metadata(), c.name(), c.nextInvoiceSequence(), c.phone(),
        c.preferredLocales(), c.shipping(), c.taxExempt(), c.testClock());
  }

  @Test
  void anUnreachableEndpointIsRetriedOnTheScheduleThenMarkedFailed() throws Exception {
    WebhookEndpoint endpoint = endpoint(WebhookReceiver.unreachableUrl(), WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);
    String key = merchant.testSecretKey();
    stripe.v1().customers().create(CustomerCreateParams.builder().setName("Nobody Listens").build());
    String deliveries = "/v1/webhook_endpoints/" + endpoint.getId() + "/deliveries";
    assertTrue(WebhookReceiver.await(() -> attempts(TestStack.get(deliveries, key).json()) == 1, WAIT), "the first attempt is made at once");
    WebhookDispatcher dispatcher = TestStack.get().context().getBean(WebhookDispatcher.class);
    JsonNode delivery = TestStack.get(deliveries, key).json().path("data").get(0);
    assertEquals("pending", delivery.path("status").asText());
    assertTrue(delivery.path("attempts").get(0).path("status_code").isNull());
    assertFalse(delivery.path("attempts").get(0).path("error").asText().isEmpty());
    Instant created = Instant.ofEpochSecond(delivery.path("created").asLong());

    int attempts = 1;
    Instant last = Instant.ofEpochSecond(delivery.path("attempts").get(0).path("attempted_at").asLong());
    while (true) {
      Instant next = WebhookRetries.DEFAULT.next(created, attempts, last);
      if (next == null) break;
      assertEquals(next.getEpochSecond(), delivery.path("next_attempt").asLong(), "attempt " + (attempts + 1) + " is due on the schedule");
      // A second before it is due nothing happens; when it is due, one attempt.
      moveClockTo(next.minusSeconds(1));
      dispatcher.retryDue();
      assertEquals(attempts, attempts(TestStack.get(deliveries, key).json()));
      moveClockTo(next);
      dispatcher.retryDue();
      delivery = TestStack.get(deliveries, key).json().path("data").get(0);
      assertEquals(++attempts, delivery.path("attempts").size());
      last = next;
    }
    assertEquals("failed", delivery.path("status").asText());
    assertTrue(delivery.path("next_attempt").isNull());
    assertEquals(created.plus(Duration.ofDays(3)).getEpochSecond(), last.getEpochSecond(), "the last attempt is three days after the event");
    assertTrue(attempts > 10, "exponential backoff, then hourly: " + attempts + " attempts");
    // Visible per endpoint: its failed deliveries.
    JsonNode failed = TestStack.get(deliveries + "?status=failed", key).json();
    assertEquals(1, failed.path("data").size());
    assertEquals(0, TestStack.get(deliveries + "?status=pending", key).json().path("data").size());
    TestStack.CLOCK.advance(Duration.ofDays(1));
    dispatcher.retryDue();
    assertEquals(attempts, attempts(TestStack.get(deliveries, key).json()), "no attempt after failing");
  }

  @Test
  void resendDeliversAnEventAgainAsANewDelivery() throws Exception {
    WebhookEndpoint endpoint = endpoint(receiver.url(), WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);
    stripe.v1().customers().create(CustomerCreateParams.builder().setName("Twice").build());
    Event first = awaitEvents(endpoint.getSecret(), 1, e -> true).get(0);
    TestStack.Answer resent = TestStack.post("/v1/webhook_endpoints/" + endpoint.getId() + "/resend", merchant.testSecretKey(), "event=" + first.getId());
    assertEquals(200, resent.status(), resent.body());
    assertEquals("webhook_delivery", resent.json().path("object").asText());
    assertEquals("succeeded", resent.json().path("status").asText());
    assertEquals(200, resent.json().path("attempts").get(0).path("status_code").asInt());
    List<Event> both = awaitEvents(endpoint.getSecret(), 2, e -> true);
    assertEquals(first.getId(), both.get(1).getId(), "the same event, same id");
    assertEquals(2, TestStack.get("/v1/webhook_endpoints/" + endpoint.getId() + "/deliveries?status=succeeded", merchant.testSecretKey())
        .json().path("data").size());
  }

  /** The id of the event's object, whatever the API version it came in. */
  private static String objectId(Event e) {
    return com.google.gson.JsonParser.parseString(e.getDataObjectDeserializer().getRawJson()).getAsJsonObject().get("id").getAsString();
  }

  private static int attempts(JsonNode list) {
    JsonNode data = list.path("data");
    return data.isEmpty() ? 0 : data.get(0).path("attempts").size();
  }

  private static void moveClockTo(Instant t) {
    Duration d = Duration.between(TestStack.CLOCK.instant(), t);
    assertFalse(d.isNegative(), "the clock only moves forward");
    TestStack.CLOCK.advance(d);
  }
}
