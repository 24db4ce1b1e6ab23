package io.portico.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Throughput over HTTP: N clients, each repeating a merchant's sequence of requests as fast as
 * answers come back, for a fixed time after a warm-up. A sequence counts when it ends inside the
 * measured window.
 */
final class Throughput {
  /** One client's sequence; answers how many HTTP requests it made. */
  interface Sequence {
    int run();
  }

  record Load(int clients, double sequencesPerSecond, double requestsPerSecond, Stats sequenceMs, int errors) {}

  private Throughput() {}

  /**
   * Portico's merchant sequence: create a customer, attach a card, subscribe it (charging the card),
   * open a portal session for it. Four requests.
   */
  static IntFunction<Sequence> porticoMerchant(Api api) {
    return client -> {
      String price = api.post("/v1/prices", "currency=eur&unit_amount=1900&recurring[interval]=month&product_data[name]=Plan+" + client)
          .path("id").asText();
      return () -> {
        String customer = api.post("/v1/customers", "name=Jenny+Rosen&email=jenny%40example.com").path("id").asText();
        String pm = api.post("/v1/payment_methods/pm_card_visa/attach", "customer=" + customer).path("id").asText();
        api.post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price + "&default_payment_method=" + pm);
        api.post("/v1/billing_portal/sessions", "customer=" + customer + "&return_url=https%3A%2F%2Fexample.com%2Faccount");
        return 4;
      };
    };
  }

  /**
   * What stripe-stateful-mock also serves, on Portico: a customer with a test card (create, attach
   * pm_card_visa: Portico has payment methods, not legacy sources), a product and its price, a
   * subscription charging the card, and reading it back. Six requests.
   */
  static IntFunction<Sequence> porticoCommon(Api api) {
    return client -> () -> {
      String customer = api.post("/v1/customers", "email=jenny%40example.com").path("id").asText();
      String pm = api.post("/v1/payment_methods/pm_card_visa/attach", "customer=" + customer).path("id").asText();
      String product = api.post("/v1/products", "name=Team+plan").path("id").asText();
      String price = api.post("/v1/prices", "product=" + product + "&currency=eur&unit_amount=1900&recurring[interval]=month").path("id").asText();
      JsonNode sub = api.post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price + "&default_payment_method=" + pm);
      api.get("/v1/subscriptions/" + sub.path("id").asText());
      return 6;
    };
  }

  /**
   * The same on stripe-stateful-mock: a customer created with a test card token (its idiom), then the
   * same four steps. Five requests. The mock wants a legacy plan on every subscription item (without
   * one it tries to create a plan and fails for want of a product), so each client creates one plan
   * before the clock starts and names it beside the price.
   */
  static IntFunction<Sequence> mockCommon(Api api) {
    return client -> {
      String planProduct = api.post("/v1/products", "name=Plan+holder").path("id").asText();
      String plan = api.post("/v1/plans", "product=" + planProduct + "&currency=eur&amount=1900&interval=month").path("id").asText();
      return () -> {
        String customer = api.post("/v1/customers", "email=jenny%40example.com&source=tok_visa").path("id").asText();
        String product = api.post("/v1/products", "name=Team+plan").path("id").asText();
        String price = api.post("/v1/prices", "product=" + product + "&currency=eur&unit_amount=1900&recurring[interval]=month").path("id").asText();
        JsonNode sub = api.post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price + "&items[0][plan]=" + plan);
        api.get("/v1/subscriptions/" + sub.path("id").asText());
        return 5;
      };
    };
  }

  /**
   * DynamoDB Local by itself: six PutItems of one small item each, a "sequence" as long as the
   * common one in requests, as if each request were a single round trip and cost nothing else.
   * What the local stack's sequences per second can never exceed.
   */
  static IntFunction<Sequence> putItemsOnly(DynamoDbClient client) {
    return c -> {
      int[] n = {0};
      String prefix = "bench#throughput-floor#" + c + "#" + UUID.randomUUID() + "#";
      return () -> {
        for (int i = 0; i < 6; i++) {
          client.putItem(r -> r.tableName("SessionsTable").item(Map.of("pk", AttributeValue.fromS(prefix + n[0]++),
              "v", AttributeValue.fromS("one small item, the floor of any write"))));
        }
        return 6;
      };
    };
  }

  static Load drive(int clients, double warmupSeconds, double measureSeconds, IntFunction<Sequence> perClient) throws InterruptedException {
    List<Sequence> sequences = new ArrayList<>();
    for (int c = 0; c < clients; c++) sequences.add(perClient.apply(c));
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long begin = System.nanoTime();
    long windowStart = begin + (long) (warmupSeconds * 1e9);
    long windowEnd = windowStart + (long) (measureSeconds * 1e9);
    CountDownLatch done = new CountDownLatch(clients);
    for (Sequence s : sequences) {
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < windowEnd) {
            long start = System.nanoTime();
            int n;
            try {
              n = s.run();
            } catch (RuntimeException e) {
              if (errors.incrementAndGet() <= 3) System.err.println("throughput: " + e.getMessage());
              continue;
            }
            long end = System.nanoTime();
            if (end >= windowStart && end <= windowEnd) {
              completed.incrementAndGet();
              requests.addAndGet(n);
              latencies.add((end - start) / 1e6);
            }
          }
        } finally {
          done.countDown();
        }
      }, "bench-client");
      t.setDaemon(true);
      t.start();
    }
    done.await();
    return new Load(clients, completed.get() / measureSeconds, requests.get() / measureSeconds, Stats.of(latencies), errors.get());
  }
}
