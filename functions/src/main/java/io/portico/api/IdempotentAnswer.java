package io.portico.api;

import io.portico.service.ReplaySeal;
import io.portico.store.IdempotencyRepository;
import io.portico.store.Write;
import io.portico.wire.Json;
import java.time.Instant;

/**
 * The Idempotency-Key of a request whose route does all its work in one transaction (see
 * {@link MerchantHandler#routesWritingOnce}): instead of claiming the key before the work and
 * storing the answer after it (two more round trips), the service adds {@link #record} to its own
 * transaction. A duplicate, concurrent or later, fails that transaction as a whole (nothing it
 * wrote stays) and gets the first answer, as Stripe's keys promise.
 */
public final class IdempotentAnswer {
  /** Thrown by a service whose transaction failed because this key already holds an answer. */
  public static final class Taken extends RuntimeException {
    public Taken() {
      super("idempotency key already used", null, false, false);
    }
  }

  private final IdempotencyRepository repository;
  private final String scopeKey;
  private final String key;
  private final String fingerprint;
  private final ReplaySeal seal;
  private final Instant now;
  private String json;

  IdempotentAnswer(IdempotencyRepository repository, String scopeKey, String key, String fingerprint, ReplaySeal seal, Instant now) {
    this.repository = repository;
    this.scopeKey = scopeKey;
    this.key = key;
    this.fingerprint = fingerprint;
    this.seal = seal;
    this.now = now;
  }

  /** The write recording {@code answer} as this key's answer (sealed), for the transaction that does the request's work. */
  public Write record(ApiResponse answer) {
    json = Json.write(answer.body());
    return repository.recordInTransaction(scopeKey, key, fingerprint, answer.status(), seal.seal(json), now);
  }

  /** The answer's JSON as recorded, or null when {@link #record} was not called. */
  String json() {
    return json;
  }
}
