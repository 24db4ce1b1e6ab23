package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.service.AccountService;
import io.portico.service.WebhookDispatcher;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * At least once, under faults: a receiver that fails half of all requests at random, 1,000
 * changes. Every event is delivered in the end, none is lost, and the only duplicates are the
 * same event (same id) posted again.
 */
@Order(Integer.MAX_VALUE) // last: it leaves thousands of items behind (see junit-platform.properties)
class WebhookFaultTest {
  private static final int CHANGES = 1000;

  @Test
  void everyEventIsDeliveredDespiteAnEndpointFailingHalfTheTime() throws Exception {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    String key = merchant.testSecretKey();
    Random random = new Random(20261121L);
    AtomicInteger refused = new AtomicInteger();
    ObjectMapper json = new ObjectMapper();
    try (WebhookReceiver receiver = new WebhookReceiver(body -> {
      synchronized (random) {
        if (random.nextBoolean()) return 200;
      }
      refused.incrementAndGet();
      return random.nextBoolean() ? 500 : 503;
    })) {
      TestStack.Answer created = TestStack.post("/v1/webhook_endpoints", key,
          "url=" + receiver.url() + "&enabled_events[0]=*");
      assertEquals(200, created.status(), created.body());
      String secret = created.json().path("secret").asText();

      // 1,000 changes, eight at a time: each one customer created, so one event each.
      List<TestStack.Answer> answers = TestStack.concurrently(8, worker -> {
        List<TestStack.Answer> mine = new java.util.ArrayList<>();
        for (int i = worker; i < CHANGES; i += 8) mine.add(TestStack.post("/v1/customers", key, "name=Customer+" + i));
        return mine;
      }).stream().flatMap(List::stream).toList();
      assertEquals(CHANGES, answers.stream().filter(a -> a.status() == 200).count());

      // The stream delivers each event once at first; half fail, and the retry runs take over as the clock moves.
      WebhookDispatcher dispatcher = TestStack.get().context().getBean(WebhookDispatcher.class);
      Set<String> stored = new HashSet<>();
      TestStack.eventsOf(merchant.account().id()).forEach(e -> stored.add(e.object().path("id").asText()));
      assertEquals(CHANGES, stored.size());
      assertTrue(WebhookReceiver.await(() -> receiver.received().size() >= CHANGES, Duration.ofSeconds(60)), "first attempts: "
          + receiver.received().size());
      for (int round = 0; round < 100 && delivered(receiver, json).size() < CHANGES; round++) {
        TestStack.CLOCK.advance(Duration.ofMinutes(Math.min(60, 1L << Math.min(round, 6))));
        dispatcher.retryDue();
      }

      Map<String, Integer> okPerEvent = new HashMap<>();
      Set<String> objectsDelivered = new HashSet<>();
      for (WebhookReceiver.Received r : receiver.received()) {
        // Every payload, failed or not, is signed and verifies.
        com.stripe.model.Event e = r.verify(secret);
        if (r.answeredWith() == 200) {
          okPerEvent.merge(e.getId(), 1, Integer::sum);
          objectsDelivered.add(json.readTree(r.payload()).path("data").path("object").path("id").asText());
        }
      }
      assertEquals(stored, objectsDelivered, "every change's event delivered, none lost, nothing invented");
      assertEquals(CHANGES, okPerEvent.size());
      int duplicates = okPerEvent.values().stream().mapToInt(n -> n - 1).sum();
      assertTrue(duplicates <= CHANGES / 100, "duplicates only as at-least-once allows (same event id): " + duplicates);
      assertTrue(refused.get() > CHANGES / 2, "the receiver really failed about half the requests: " + refused.get());
      // Nothing left pending: the endpoint's deliveries all succeeded.
      JsonNode pending = TestStack.get("/v1/webhook_endpoints/" + created.json().path("id").asText() + "/deliveries?status=pending", key).json();
      assertEquals(0, pending.path("data").size(), pending.toString());
    }
  }

  private static Set<String> delivered(WebhookReceiver receiver, ObjectMapper json) {
    Set<String> ids = new HashSet<>();
    for (WebhookReceiver.Received r : receiver.received()) {
      if (r.answeredWith() != 200) continue;
      try {
        ids.add(json.readTree(r.payload()).path("id").asText());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return ids;
  }
}
