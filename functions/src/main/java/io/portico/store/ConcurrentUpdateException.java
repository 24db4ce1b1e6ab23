package io.portico.store;

import java.util.Set;

/** A conditional write lost a race (another writer changed the item first); the caller re-reads and retries. */
public class ConcurrentUpdateException extends RuntimeException {
  private final Set<Integer> failed;

  public ConcurrentUpdateException(String message, Throwable cause) {
    this(message, cause, Set.of());
  }

  /** {@code failed}: the positions, in the transaction's list of writes, of those whose condition failed. */
  public ConcurrentUpdateException(String message, Throwable cause, Set<Integer> failed) {
    super(message, cause);
    this.failed = Set.copyOf(failed);
  }

  /** Whether the write at {@code index} (in the list given to the transaction) is one whose condition failed. */
  public boolean failedAt(int index) {
    return failed.contains(index);
  }
}
