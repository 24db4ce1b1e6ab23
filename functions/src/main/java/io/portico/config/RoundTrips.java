package io.portico.config;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the DynamoDB requests the current thread sends, retries included (each is a round trip).
 * A thread-local increment, cheap enough to stay installed: tests and the benchmark read it to
 * show how many round trips an operation takes.
 */
public final class RoundTrips implements ExecutionInterceptor {
  private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

  /** Round trips this thread has made so far; take the difference around an operation. */
  public static long sentByThisThread() {
    return COUNT.get()[0];
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    COUNT.get()[0]++;
  }
}
