package io.portico.domain.portal;

import java.util.Optional;

/** Allowed, or refused for a {@link Reason}. */
public record Verdict(Optional<Reason> refusal) {
  public static final Verdict ALLOWED = new Verdict(Optional.empty());

  public static Verdict refused(Reason reason) {
    return new Verdict(Optional.of(reason));
  }

  public boolean allowed() {
    return refusal.isEmpty();
  }
}
