package io.portico.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.portico.functions.PortalApiHandler;
import io.portico.functions.SessionsHandler;
import io.portico.functions.SubscriptionsHandler;
import io.portico.local.LocalStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Warm latency: the handlers called in this JVM (as Lambda calls a warm function, no HTTP in front),
 * each call paired with one raw PutItem on the same DynamoDB Local through the functions' own SDK
 * client (the floor: one round trip). Calls interleave with their PutItems, so a noisy moment
 * hits both. Round trips are counted by {@link RoundTrips}.
 */
final class Warm {
  /** {@code call} answers the HTTP status. */
  record Op(String name, IntSupplier call) {}

  /** {@code wireMs}: the median time per call spent waiting for DynamoDB (request sent to answer received). */
  record Result(String name, Stats latency, Stats baseline, double roundTrips, Stats wire) {}

  private Warm() {}

  static List<Op> operations(LocalStack stack, Fixture f, PortalFixture portal) {
    SessionsHandler sessions = new SessionsHandler(stack.context());
    SubscriptionsHandler subscriptions = new SubscriptionsHandler(stack.context());
    List<Op> ops = new ArrayList<>();
    ops.add(new Op("session creation (POST /v1/billing_portal/sessions)", () -> status(sessions, "SessionsFunction",
        Events.merchant("POST", "/v1/billing_portal/sessions", "/v1/billing_portal/sessions", null, f.key(),
            "customer=" + f.sessionCustomer() + "&return_url=https%3A%2F%2Fexample.com%2Faccount"))));
    DynamoDbClient client = stack.context().getBean(DynamoDbClient.class);
    ops.add(new Op(FLOOR + "its transaction's shape alone, raw SDK (2 condition checks, 2 puts)", floorTransaction(client, true)));
    ops.add(new Op(FLOOR + "the least a session can write: itself and its event (2 puts)", floorTransaction(client, false)));
    int[] next = {0};
    ops.add(new Op("merchant POST /v1/subscriptions", () -> {
      String customer = f.payingCustomers().get(next[0]++ % f.payingCustomers().size());
      return status(subscriptions, "SubscriptionsFunction", Events.merchant("POST", "/v1/subscriptions", "/v1/subscriptions", null, f.key(),
          "customer=" + customer + "&items[0][price]=" + f.price()));
    }));
    if (portal != null) addPortal(ops, new PortalApiHandler(stack.context()), portal);
    return ops;
  }

  /** Rows that measure DynamoDB Local itself, no Portico code: what a row above cannot go below. */
  static final String FLOOR = "  floor: ";

  /**
   * A TransactWriteItems shaped like session creation's (without an Idempotency-Key): the session put
   * into the sessions table and its event into the billing table, each only if new, with items of
   * their size; and, with {@code checks}, the customer's and the configuration's condition checks.
   */
  private static IntSupplier floorTransaction(DynamoDbClient client, boolean checks) {
    String data = "x".repeat(700); // a stored session or event is 0.5-1 KB of JSON
    client.putItem(r -> r.tableName("BillingTable").item(Map.of("pk", AttributeValue.fromS("bench#floor#customer"), "data", AttributeValue.fromS(data))));
    client.putItem(r -> r.tableName("BillingTable").item(Map.of("pk", AttributeValue.fromS("bench#floor#configuration"),
        "version", AttributeValue.fromN("1"))));
    int[] n = {0};
    String run = UUID.randomUUID().toString();
    return () -> {
      List<TransactWriteItem> items = new ArrayList<>();
      if (checks) {
        items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName("BillingTable")
            .key(Map.of("pk", AttributeValue.fromS("bench#floor#customer"))).conditionExpression("attribute_exists(pk)")).build());
        items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName("BillingTable")
            .key(Map.of("pk", AttributeValue.fromS("bench#floor#configuration"))).conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))).build());
      }
      String id = run + "#" + n[0]++;
      items.add(TransactWriteItem.builder().put(p -> p.tableName("SessionsTable").conditionExpression("attribute_not_exists(pk)")
          .item(Map.of("pk", AttributeValue.fromS("bench#floor#session#" + id), "data", AttributeValue.fromS(data),
              "ttl", AttributeValue.fromN("2000000000")))).build());
      items.add(TransactWriteItem.builder().put(p -> p.tableName("BillingTable").conditionExpression("attribute_not_exists(pk)")
          .item(Map.of("pk", AttributeValue.fromS("bench#floor#event#" + id), "kind", AttributeValue.fromS("bench_floor"),
              "data", AttributeValue.fromS(data)))).build());
      client.transactWriteItems(r -> r.transactItems(items));
      return 200;
    };
  }

  /**
   * The portal rows: home data, then on the next subscriber of the pool a plan-change preview and its
   * confirmation (Basic and Pro in turn), as the hosted page calls them.
   */
  private static void addPortal(List<Op> ops, PortalApiHandler handler, PortalFixture p) {
    ops.add(new Op("portal home data (GET /p/api/home)", () -> status(handler, "PortalApiFunction",
        Events.portal("GET", "/p/api/home", "/p/api/home", null, p.homeCredential(), null))));
    int[] next = {0};
    String[] target = new String[p.pool().size()];
    String[] quote = new String[1];
    ops.add(new Op("portal plan-update preview (POST …/preview)", () -> {
      int i = next[0] % p.pool().size();
      PortalFixture.Subscriber s = p.pool().get(i);
      if (target[i] == null) target[i] = p.pro();
      APIGatewayProxyResponseEvent r = handler.handleRequest(Events.portal("POST", "/p/api/subscriptions/{subscription}/preview",
          "/p/api/subscriptions/" + s.subscription() + "/preview", Map.of("subscription", s.subscription()), s.credential(),
          "price=" + target[i]), Events.context("PortalApiFunction"));
      if (r.getStatusCode() != 200) System.err.println("preview: " + r.getStatusCode() + " " + r.getBody());
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"proration_date\"\\s*:\\s*(\\d+)").matcher(r.getBody());
      quote[0] = m.find() ? m.group(1) : null;
      return r.getStatusCode();
    }));
    ops.add(new Op("portal plan-update confirm (POST …/update)", () -> {
      int i = next[0]++ % p.pool().size();
      PortalFixture.Subscriber s = p.pool().get(i);
      int status = status(handler, "PortalApiFunction", Events.portal("POST", "/p/api/subscriptions/{subscription}/update",
          "/p/api/subscriptions/" + s.subscription() + "/update", Map.of("subscription", s.subscription()), s.credential(),
          "price=" + target[i] + "&proration_date=" + quote[0]));
      target[i] = target[i].equals(p.pro()) ? p.basic() : p.pro();
      return status;
    }));
  }

  static List<Result> run(Bench.Options o, LocalStack stack, List<Op> ops) {
    // The floor: one PutItem through the functions' own DynamoDB client (the same HTTP client and settings).
    DynamoDbClient client = stack.context().getBean(DynamoDbClient.class);
    int[] puts = {0};
    IntSupplier put = () -> {
      client.putItem(r -> r.tableName("SessionsTable").item(Map.of(
          "pk", AttributeValue.fromS("bench#put#" + puts[0]++),
          "v", AttributeValue.fromS("one small item, the floor of any write"))));
      return 200;
    };
    System.err.printf("warm latency: %d calls of each operation after %d warm-up calls%n", o.warmCalls(), o.warmupCalls());
    for (int i = 0; i < o.warmupCalls(); i++) {
      for (Op op : ops) {
        put.getAsInt();
        check(op, op.call().getAsInt());
      }
    }
    List<List<Double>> latencies = new ArrayList<>();
    List<List<Double>> baselines = new ArrayList<>();
    List<List<Double>> wires = new ArrayList<>();
    long[] trips = new long[ops.size()];
    for (int k = 0; k < ops.size(); k++) {
      latencies.add(new ArrayList<>());
      baselines.add(new ArrayList<>());
      wires.add(new ArrayList<>());
    }
    for (int i = 0; i < o.warmCalls(); i++) {
      for (int k = 0; k < ops.size(); k++) {
        Op op = ops.get(k);
        baselines.get(k).add(time(put));
        long before = RoundTrips.total();
        long wireBefore = RoundTrips.wireNanos();
        long start = System.nanoTime();
        int status = op.call().getAsInt();
        latencies.get(k).add((System.nanoTime() - start) / 1e6);
        trips[k] += RoundTrips.total() - before;
        wires.get(k).add((RoundTrips.wireNanos() - wireBefore) / 1e6);
        check(op, status);
      }
    }
    List<Result> out = new ArrayList<>();
    for (int k = 0; k < ops.size(); k++) {
      out.add(new Result(ops.get(k).name(), Stats.of(latencies.get(k)), Stats.of(baselines.get(k)), (double) trips[k] / o.warmCalls(),
          Stats.of(wires.get(k))));
    }
    return out;
  }

  private static double time(IntSupplier call) {
    long start = System.nanoTime();
    call.getAsInt();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void check(Op op, int status) {
    if (status / 100 != 2) throw new IllegalStateException(op.name() + " answered " + status);
  }

  static int status(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, String function,
      APIGatewayProxyRequestEvent event) {
    APIGatewayProxyResponseEvent r = handler.handleRequest(event, Events.context(function));
    if (r.getStatusCode() / 100 != 2) System.err.println(function + ": " + r.getStatusCode() + " " + r.getBody());
    return r.getStatusCode();
  }
}
