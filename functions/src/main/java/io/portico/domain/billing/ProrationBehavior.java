package io.portico.domain.billing;

import java.util.Locale;

/** Stripe's {@code proration_behavior} on a subscription change. */
public enum ProrationBehavior {
  /** Proration lines become pending invoice items, collected by the next invoice (Stripe's default). */
  CREATE_PRORATIONS,
  /** The same lines, invoiced right away. */
  ALWAYS_INVOICE,
  /** No proration lines: the new price simply applies from the next period. */
  NONE;

  public String stripeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProrationBehavior of(String name) {
    for (ProrationBehavior b : values()) if (b.stripeName().equals(name)) return b;
    throw new IllegalArgumentException(
        "Invalid proration_behavior: must be one of create_prorations, always_invoice or none (got " + name + ").");
  }
}
