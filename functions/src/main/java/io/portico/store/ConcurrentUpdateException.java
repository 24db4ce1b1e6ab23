package io.portico.store;

/** A conditional write lost a race (another writer changed the item first); the caller re-reads and retries. */
public class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
