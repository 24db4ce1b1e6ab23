package io.portico.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts DynamoDB round trips: every HTTP request any SDK client in this JVM sends (each retry
 * included). Installed as an SDK global interceptor by this module's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so it exists only on the
 * bench's classpath: neither the Lambda artifact nor the cold-start children carry it.
 */
public final class RoundTrips implements ExecutionInterceptor {
  private static final AtomicLong TOTAL = new AtomicLong();
  private static final AtomicLong WIRE_NANOS = new AtomicLong();
  private static final ThreadLocal<Long> SENT = new ThreadLocal<>();
  private static final List<String> LOG = new ArrayList<>();
  private static volatile boolean logging;

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    TOTAL.incrementAndGet();
    SENT.set(System.nanoTime());
    if (logging) {
      synchronized (LOG) {
        LOG.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      }
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    Long sent = SENT.get();
    if (sent != null) WIRE_NANOS.addAndGet(System.nanoTime() - sent);
  }

  /** Nanoseconds between sending requests and receiving their answers' headers, summed over this JVM's round trips. */
  public static long wireNanos() {
    return WIRE_NANOS.get();
  }

  /** Round trips so far, in this JVM. */
  public static long total() {
    return TOTAL.get();
  }

  /** The operations (GetItem, TransactWriteItems, ...) {@code work} sends, in order. Not for concurrent use. */
  public static List<String> record(Runnable work) {
    synchronized (LOG) {
      LOG.clear();
    }
    logging = true;
    try {
      work.run();
    } finally {
      logging = false;
    }
    synchronized (LOG) {
      return List.copyOf(LOG);
    }
  }
}
