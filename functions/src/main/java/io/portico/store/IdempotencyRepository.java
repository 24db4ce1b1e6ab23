package io.portico.store;

import java.time.Instant;

/**
 * Stripe's Idempotency-Key: the first request with a key runs, later ones with the same key and
 * parameters get its response back, and a concurrent duplicate never runs twice.
 */
public interface IdempotencyRepository {
  /** Keys are kept 24 hours, as Stripe does. */
  long KEEP_SECONDS = 24 * 3600;
  /** A claim not completed within this long (a crashed function) may be taken over. */
  long LOCK_SECONDS = 60;

  sealed interface Claim permits Claimed, Replay, InProgress, Mismatch {}

  /** This request owns the key and must run. */
  record Claimed() implements Claim {}

  /** The key already answered this request: send the same response. */
  record Replay(int status, String body) implements Claim {}

  /** Another request with this key is running right now. */
  record InProgress() implements Claim {}

  /** The key was used with different parameters. */
  record Mismatch() implements Claim {}

  Claim claim(String scopeKey, String key, String fingerprint, Instant now);

  void complete(String scopeKey, String key, String fingerprint, int status, String body, Instant now);

  /**
   * A request's answer recorded inside the transaction that does its work, for requests that did not
   * {@link #claim} first: the write fails (and the whole transaction with it) unless the key is free
   * as {@link #claim} would find it.
   */
  Write recordInTransaction(String scopeKey, String key, String fingerprint, int status, String body, Instant now);

  /** What the key holds for a request that found it taken: {@link Replay}, {@link Mismatch} or {@link InProgress}; {@link Claimed} if it is free again. */
  Claim existing(String scopeKey, String key, String fingerprint);

  /** Forgets a claim whose request failed before changing anything, so it may be retried with the same key. */
  void release(String scopeKey, String key);
}
