package io.portico.domain.billing;

import java.time.Instant;

/** A half-open span of time [start, end), like an invoice line's {@code period}. */
public record Period(Instant start, Instant end) {
  public Period {
    if (start == null || end == null) throw new IllegalArgumentException("A period needs a start and an end.");
    if (!start.isBefore(end)) throw new IllegalArgumentException("A period must end after it starts (" + start + " .. " + end + ").");
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** Whole seconds, the unit Stripe prorates in. */
  public long seconds() {
    return end.getEpochSecond() - start.getEpochSecond();
  }
}
