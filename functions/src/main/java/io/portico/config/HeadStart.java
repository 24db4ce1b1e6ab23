package io.portico.config;

import io.portico.domain.Account;
import io.portico.domain.PortalSession;
import io.portico.wire.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A cold function's head start. Micronaut's context start (loading and evaluating bean
 * definitions) needs neither the DynamoDB client nor Jackson, and the first request needs both,
 * which take about as long again to load. So Lambda's constructor begins them on a second thread
 * while the context starts on the first; {@link AwsFactory} then takes the client that is ready
 * (or waits for the rest of it) instead of building its own. Only for the same endpoint and
 * region: the factory's configuration decides, this only guesses it from the environment. Less
 * wall time to the first response, the same CPU time (docs/performance.md).
 */
public final class HeadStart {
  private static CompletableFuture<DynamoDbClient> client;
  private static String settings;

  private HeadStart() {}

  /** From the function's environment, as template.yaml sets it. */
  static void begin() {
    begin(System.getenv("PORTICO_DYNAMODB_ENDPOINT"), System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
  }

  static synchronized void begin(String endpoint, String region) {
    if (client != null) return;
    CompletableFuture<DynamoDbClient> building = new CompletableFuture<>();
    client = building;
    settings = settings(endpoint, region);
    Thread thread = new Thread(() -> {
      try {
        building.complete(AwsFactory.build(endpoint, region));
      } catch (Throwable e) {
        building.completeExceptionally(e);
      }
      warmJson();
    }, "portico-head-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The client begun for these settings, once built, handed out once; null when none was begun for
   * them or building it failed (the caller builds its own and meets the error itself).
   */
  static DynamoDbClient take(String endpoint, String region) {
    CompletableFuture<DynamoDbClient> begun;
    synchronized (HeadStart.class) {
      if (client == null || !settings.equals(settings(endpoint, region))) return null;
      begun = client;
      client = CompletableFuture.failedFuture(new IllegalStateException("taken"));
    }
    try {
      return begun.join();
    } catch (CompletionException e) {
      return null;
    }
  }

  /** As if no function had begun one (tests). */
  static synchronized void forget() {
    client = null;
    settings = null;
  }

  private static String settings(String endpoint, String region) {
    return (endpoint == null ? "" : endpoint.strip()) + " " + region;
  }

  /** Jackson's first use: its own set-up, and the objects every merchant and portal request reads. */
  private static void warmJson() {
    for (Class<?> type : new Class<?>[] {Account.class, PortalSession.class}) {
      try {
        Json.write(Json.read("{}", type));
      } catch (RuntimeException e) {
        // an empty object may not serialise; reading it has done the warming
      }
    }
  }
}
