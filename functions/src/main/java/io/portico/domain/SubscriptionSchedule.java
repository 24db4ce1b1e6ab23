package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Changes to a subscription planned in phases, field for field as Stripe's
 * {@code subscription_schedule} (API version 2026-07-29). Phases follow each other without gaps
 * and end on the subscription's period boundaries, so the billing clock moves from one to the
 * next when it renews.
 */
public record SubscriptionSchedule(
    String id,
    String application,
    Long canceledAt,
    Long completedAt,
    long created,
    CurrentPhase currentPhase,
    String customer,
    String endBehavior,
    boolean livemode,
    Map<String, String> metadata,
    List<Phase> phases,
    Long releasedAt,
    String releasedSubscription,
    String status,
    String subscription,
    String testClock) {

  public static final String OBJECT = "subscription_schedule";
  public static final List<String> STATUSES = List.of("not_started", "active", "completed", "released", "canceled");
  public static final List<String> END_BEHAVIORS = List.of("release", "cancel");

  @JsonProperty("object")
  public String object() { return OBJECT; }

  /** Still steering its subscription (not yet ended, released or canceled). */
  public boolean attached() {
    return status.equals("active") || status.equals("not_started");
  }

  public record CurrentPhase(long startDate, long endDate) {}

  public record Phase(long startDate, long endDate, String currency, List<PhaseItem> items, Map<String, String> metadata,
      String prorationBehavior) {}

  public record PhaseItem(String price, long quantity, Map<String, String> metadata) {}

  public SubscriptionSchedule with(CurrentPhase currentPhase, List<Phase> phases, String endBehavior, Map<String, String> metadata) {
    return new SubscriptionSchedule(id, application, canceledAt, completedAt, created, currentPhase, customer, endBehavior, livemode, metadata,
        phases, releasedAt, releasedSubscription, status, subscription, testClock);
  }

  /**
   * The schedule ended at {@code at}: {@code status} is completed, released or canceled, with its
   * timestamp; a released subscription moves from {@code subscription} to {@code released_subscription}.
   */
  public SubscriptionSchedule ended(String status, long at) {
    boolean released = status.equals("released");
    return new SubscriptionSchedule(id, application, status.equals("canceled") ? Long.valueOf(at) : null,
        status.equals("completed") ? Long.valueOf(at) : null, created, null, customer, endBehavior, livemode, metadata, phases,
        released ? Long.valueOf(at) : null, released ? subscription : null, status, released ? null : subscription, testClock);
  }
}
