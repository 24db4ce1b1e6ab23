package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A clock a merchant moves by hand in test mode (Stripe's {@code test_helpers.test_clock}):
 * customers attached to it, and their subscriptions and invoices, live at its {@code frozen_time}.
 */
public record TestClock(String id, long created, long deletesAfter, long frozenTime, boolean livemode, String name, String status,
    Object statusDetails) {

  public static final String OBJECT = "test_helpers.test_clock";
  /** Stripe deletes a test clock 30 days after creation. */
  public static final long LIFETIME_SECONDS = 30L * 86_400;

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public TestClock advancedTo(long time) {
    return new TestClock(id, created, deletesAfter, time, livemode, name, status, statusDetails);
  }
}
