package io.portico.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts DynamoDB round trips: every HTTP request an SDK client sends (each retry included), per
 * thread, so the local stack's own background work (its stream feeder, timers) never counts
 * towards the operation measured on this thread. Installed as an SDK global interceptor by this
 * module's {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so it exists only
 * on the bench's classpath: neither the Lambda artifact nor the cold-start children carry it. It
 * also sums the time from sending each request to receiving its answer.
 */
public final class RoundTrips implements ExecutionInterceptor {
  /** Per thread: round trips, nanoseconds on the wire, when the current request was sent. */
  private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[3]);
  private static final List<String> LOG = new ArrayList<>();
  private static volatile boolean logging;

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    long[] c = COUNTS.get();
    c[0]++;
    c[2] = System.nanoTime();
    if (logging) {
      synchronized (LOG) {
        LOG.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      }
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    long[] c = COUNTS.get();
    if (c[2] != 0) c[1] += System.nanoTime() - c[2];
    c[2] = 0;
  }

  /** Nanoseconds between sending requests and receiving their answers' headers, summed over this thread's round trips. */
  public static long wireNanos() {
    return COUNTS.get()[1];
  }

  /** Round trips this thread has made so far. */
  public static long total() {
    return COUNTS.get()[0];
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
