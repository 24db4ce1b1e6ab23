package io.portico.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import io.portico.service.AccountService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * One local stack (DynamoDB Local, every function, the API Gateway emulator) for the whole test
 * JVM, started on first use on a random port with a {@link MutableClock}. Tests isolate themselves
 * by creating their own merchant ({@link #newMerchant()}): accounts never see each other's data.
 */
public final class TestStack {
  public static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static LocalStack stack;
  static {
    // The stack's HTTP server closes connections idle for 30 s; a client keeping them longer may send
    // on one the server is closing (EOF, "header parser received no bytes") on a slow machine.
    System.setProperty("jdk.httpclient.keepalive.timeout", "10");
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestStack() {}

  public static synchronized LocalStack get() {
    if (stack == null) {
      try {
        stack = LocalStack.start(new LocalStack.Options(LocalStack.findRoot(), 0, null, false, "127.0.0.1", false), CLOCK);
      } catch (Exception e) {
        throw new IllegalStateException("local stack did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    }
    return stack;
  }

  /** A fresh merchant account; its test secret key is {@code testSecretKey()}. */
  public static AccountService.CreatedAccount newMerchant() {
    return get().createAccount("Test Merchant " + System.nanoTime());
  }

  public static StripeClient stripe(String secretKey) {
    return StripeClient.builder().setApiKey(secretKey).setApiBase(get().baseUrl()).build();
  }

  /** A raw HTTP answer: status, headers and the body parsed as JSON when it is JSON. */
  public record Answer(int status, HttpResponse<String> response) {
    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return response.body();
    }
  }

  public static Answer send(String method, String path, String secretKey, String formBody, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(get().baseUrl() + path));
    if (secretKey != null) b.header("Authorization", "Bearer " + secretKey);
    if (headers != null) headers.forEach(b::header);
    if (formBody != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
      b.method(method, HttpRequest.BodyPublishers.ofString(formBody));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Answer post(String path, String secretKey, String formBody) {
    return send("POST", path, secretKey, formBody, null);
  }

  public static Answer get(String path, String secretKey) {
    return send("GET", path, secretKey, null, null);
  }

  /** Runs {@code n} calls at once (released together) and returns their answers in call order. */
  public static <T> List<T> concurrently(int n, IntFunction<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(pool.submit(() -> {
          start.await();
          return call.apply(k);
        }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) answers.add(f.get(60, TimeUnit.SECONDS));
      return answers;
    } catch (Exception e) {
      throw new IllegalStateException("concurrent calls failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The types of the events an account's test mode has recorded, in no particular order (a scan, as {@link #itemsOwnedBy}). */
  public static List<String> eventTypes(String accountId) {
    List<String> types = new ArrayList<>();
    var pages = get().dynamo().scanPaginator(ScanRequest.builder().tableName("BillingTable")
        .filterExpression("#scope = :scope AND kind = :event")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(accountId + ":test"), ":event", AttributeValue.fromS("event")))
        .build());
    for (var page : pages) page.items().forEach(e -> types.add(e.get("event_type").s()));
    return types;
  }

  /**
   * How many items an account owns in both tables (objects, events, sessions): tests use it to
   * prove a refused request wrote nothing. A scan is fine here; product code never scans.
   */
  public static int itemsOwnedBy(String accountId) {
    int count = 0;
    for (String table : new String[] {"BillingTable", "SessionsTable"}) {
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":prefix", AttributeValue.fromS(accountId + ":"));
      values.put(":idem", AttributeValue.fromS("idempotency#" + accountId + ":"));
      var pages = get().dynamo().scanPaginator(ScanRequest.builder().tableName(table)
          .filterExpression("begins_with(#scope, :prefix) OR begins_with(pk, :idem)")
          .expressionAttributeNames(Map.of("#scope", "scope"))
          .expressionAttributeValues(values).build());
      for (var page : pages) count += page.count();
    }
    return count;
  }

  /** One stored event of an account: its type and {@code data.object}, the object as the change left it. */
  public record StoredEvent(String type, JsonNode object) {
    public String objectId() {
      return object.path("id").asText(null);
    }
  }

  /** Every event an account's changes wrote to the billing table (test mode), in no particular order. */
  public static List<StoredEvent> eventsOf(String accountId) {
    List<StoredEvent> out = new ArrayList<>();
    var pages = get().dynamo().scanPaginator(ScanRequest.builder().tableName("BillingTable").consistentRead(true)
        .filterExpression("#scope = :scope AND kind = :event")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(accountId + ":test"), ":event", AttributeValue.fromS("event")))
        .build());
    for (var page : pages) {
      for (Map<String, AttributeValue> item : page.items()) {
        try {
          JsonNode event = JSON.readTree(EnhancedDocument.fromAttributeValueMap(item).getJson("data"));
          out.add(new StoredEvent(event.get("type").asText(), event.get("data").get("object")));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }
}
