package io.portico.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A merchant's webhook endpoint on loopback (the JDK's HTTP server): keeps every request it gets
 * (raw body and Stripe-Signature header) and answers with the status {@code answer} picks.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One POST as it arrived (at the stack's clock's time), and what it was answered. */
  record Received(String payload, String signature, int answeredWith, java.time.Instant at) {
    /** Verified as the merchant's server would on arrival, with stripe-java (its 5-minute tolerance measured then). */
    com.stripe.model.Event verify(String secret) throws com.stripe.exception.SignatureVerificationException {
      return com.stripe.net.Webhook.constructEvent(payload, signature, secret, com.stripe.net.Webhook.DEFAULT_TOLERANCE,
          java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
    }
  }

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(8);
  private final List<Received> received = new ArrayList<>();
  private volatile Function<String, Integer> answer;

  WebhookReceiver(Function<String, Integer> answer) {
    this.answer = answer;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", x -> {
      try (x) {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = this.answer.apply(body);
        synchronized (received) {
          received.add(new Received(body, x.getRequestHeaders().getFirst("Stripe-Signature"), status, TestStack.CLOCK.instant()));
        }
        x.sendResponseHeaders(status, -1);
      }
    });
    server.setExecutor(workers);
    server.start();
  }

  /** Answers every request with 200. */
  static WebhookReceiver ok() {
    return new WebhookReceiver(body -> 200);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
  }

  void answer(Function<String, Integer> answer) {
    this.answer = answer;
  }

  List<Received> received() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  /** Waits (in real time: the stream is read by a thread) until {@code done}, at most {@code limit}; false if it never was. */
  static boolean await(BooleanSupplier done, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (done.getAsBoolean()) return true;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return done.getAsBoolean();
  }

  /** A loopback URL where nothing listens: every attempt is refused. */
  static String unreachableUrl() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/gone";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
