package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.Ids;
import io.portico.domain.Metadata;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.SubscriptionSchedule;
import io.portico.domain.SubscriptionSchedule.CurrentPhase;
import io.portico.domain.SubscriptionSchedule.Phase;
import io.portico.domain.SubscriptionSchedule.PhaseItem;
import io.portico.domain.billing.BillingPeriods;
import io.portico.domain.billing.Recurrence;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.ListPage;
import io.portico.store.PriceRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.SubscriptionScheduleRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/subscription_schedules}: plan a subscription's changes in phases (a downgrade at
 * period end). A schedule is made from a running subscription; its later phases end on the
 * subscription's period boundaries and keep its currency and interval, so moving between phases
 * never prorates and is done by the billing clock as it renews ({@link SchedulePhases}).
 */
@Singleton
public class SubscriptionScheduleService {
  private static final int MAX_PHASES = 10;
  private static final int MAX_ITEMS = 20;
  /** How far ahead a phase's end is looked for among the period boundaries. */
  private static final int MAX_PERIODS = 1000;
  private static final List<String> PRORATION_BEHAVIORS = List.of("create_prorations", "none", "always_invoice");
  private static final List<String> SCHEDULABLE = List.of("active", "past_due", "trialing", "unpaid");

  private final SubscriptionScheduleRepository schedules;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionService subscriptionService;
  private final PriceRepository prices;
  private final Transactions transactions;

  public SubscriptionScheduleService(SubscriptionScheduleRepository schedules, SubscriptionRepository subscriptions,
      SubscriptionService subscriptionService, PriceRepository prices, Transactions transactions) {
    this.schedules = schedules;
    this.subscriptions = subscriptions;
    this.subscriptionService = subscriptionService;
    this.prices = prices;
    this.transactions = transactions;
  }

  // ---- create --------------------------------------------------------------------------------

  public ApiResponse create(ApiRequest req) {
    return ApiResponse.ok(create(req, false));
  }

  /**
   * A schedule made from {@code from_subscription} with its {@code phases} given at once: what a
   * create followed by an update does, in one transaction, so a refused phase leaves no schedule
   * behind (the customer portal's change at period end). Stripe's create takes no phases with
   * from_subscription, so the wire API does not offer this.
   */
  public SubscriptionSchedule createWithPhases(ApiRequest req) {
    return create(req, true);
  }

  private SubscriptionSchedule create(ApiRequest req, boolean withPhases) {
    Params p = req.params();
    Expansion.none(req);
    String from = p.nonEmptyString("from_subscription", 5000);
    if (from == null) {
      // A schedule that starts its own subscription (customer + phases) is not offered: subscribe first, then schedule.
      throw ApiError.invalid("parameter_missing", "from_subscription",
          "Create a subscription schedule from a subscription (from_subscription=sub_...); schedules given customer and phases are not supported.");
    }
    String endBehavior = p.oneOf("end_behavior", SubscriptionSchedule.END_BEHAVIORS);
    Map<String, String> metadata = Checks.metadata(p, Map.of());
    if (withPhases) p.accept("phases"); // read below, against the subscription; each phase rejects what it does not know
    p.rejectUnknown();
    return Checks.retryingConflicts(() -> {
      Versioned<Subscription> current = subscriptions.find(req.context().scope(), from);
      if (current == null) throw ApiError.noSuch("subscription", from, "from_subscription").asBadRequest();
      Subscription s = current.value();
      if (s.schedule() != null) {
        throw ApiError.invalid("from_subscription", "Subscription " + from + " is already managed by the subscription schedule " + s.schedule() + ".");
      }
      if (!SCHEDULABLE.contains(s.status())) {
        throw ApiError.invalid("from_subscription", "Subscription " + from + " is " + s.status() + "; only a running subscription can be scheduled.");
      }
      if (s.cancelAt() != null) {
        throw ApiError.invalid("from_subscription", "Subscription " + from + " is set to cancel; remove cancel_at before scheduling it.");
      }
      RequestContext ctx = subscriptionService.timeOf(req.context(), s.testClock());
      SubscriptionItem first = s.items().data().get(0);
      List<PhaseItem> items = new ArrayList<>();
      for (SubscriptionItem i : s.items().data()) items.add(new PhaseItem(i.price().id(), i.quantity(), i.metadata()));
      Phase phase = new Phase(first.currentPeriodStart(), first.currentPeriodEnd(), s.currency(), items, Map.of(), "create_prorations");
      SubscriptionSchedule schedule = new SubscriptionSchedule(Ids.newId("sub_sched"), null, null, null, ctx.now().getEpochSecond(),
          new CurrentPhase(phase.startDate(), phase.endDate()), s.customerId(), endBehavior == null ? "release" : endBehavior,
          ctx.scope().livemode(), metadata, List.of(phase), null, null, "active", s.id(), s.testClock());
      if (withPhases && p.has("phases")) {
        List<Phase> phases = phases(ctx, p, s, schedule);
        schedule = schedule.with(new CurrentPhase(phases.get(0).startDate(), phases.get(0).endDate()), phases, schedule.endBehavior(), metadata);
      }
      Subscription attached = SchedulePhases.attached(s, schedule.id(), s.items().data(), s.cancelAt());
      Changes changes = transactions.begin();
      schedules.stageInsert(changes, ctx.scope(), schedule, ctx.now().toEpochMilli(), ctx.event("subscription_schedule.created", schedule, null));
      subscriptions.stageReplace(changes, ctx.scope(), current, attached, ctx.event("customer.subscription.updated", attached, s));
      changes.commit();
      return schedule;
    });
  }

  // ---- read ----------------------------------------------------------------------------------

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    return ApiResponse.ok(find(req.context(), id).value());
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.none(req);
    String customer = p.nonEmptyString("customer", 5000);
    Boolean scheduled = p.bool("scheduled");
    var page = req.listRequest();
    p.rejectUnknown();
    // scheduled=true: only schedules whose first phase has not started yet (Stripe's not_started).
    ListPage<SubscriptionSchedule> result = schedules.list(req.context().scope(), customer, Boolean.TRUE.equals(scheduled) ? "not_started" : null, page);
    List<SubscriptionSchedule> data = Boolean.FALSE.equals(scheduled)
        ? result.data().stream().filter(s -> !s.status().equals("not_started")).toList() : result.data();
    return ApiResponse.ok(new ListObject(data, result.hasMore(), "/v1/subscription_schedules"));
  }

  // ---- update --------------------------------------------------------------------------------

  public ApiResponse update(ApiRequest req, String id) {
    Expansion.none(req);
    return ApiResponse.ok(Checks.retryingConflicts(() -> {
      Params p = req.params();
      Versioned<SubscriptionSchedule> found = attached(req.context(), id);
      SubscriptionSchedule schedule = found.value();
      Versioned<Subscription> sub = subscriptionService.find(req.context(), schedule.subscription(), "subscription");
      RequestContext ctx = subscriptionService.timeOf(req.context(), schedule.testClock());
      List<Phase> phases = schedule.phases();
      CurrentPhase currentPhase = schedule.currentPhase();
      if (p.has("phases")) {
        phases = phases(ctx, p, sub.value(), schedule);
        Phase first = phases.get(past(schedule).size()); // the current phase, as given
        currentPhase = new CurrentPhase(first.startDate(), first.endDate());
      }
      String endBehavior = p.oneOf("end_behavior", SubscriptionSchedule.END_BEHAVIORS);
      p.oneOf("proration_behavior", PRORATION_BEHAVIORS); // phase changes happen at period ends: nothing to prorate
      Map<String, String> metadata = Checks.metadata(p, schedule.metadata());
      p.rejectUnknown();
      SubscriptionSchedule updated = schedule.with(currentPhase, phases, endBehavior == null ? schedule.endBehavior() : endBehavior, metadata);
      if (updated.equals(schedule)) return schedule;
      Changes changes = transactions.begin();
      schedules.stageReplace(changes, ctx.scope(), found, updated, ctx.event("subscription_schedule.updated", updated, schedule));
      changes.commit();
      return updated;
    }));
  }

  /** The phases that have ended: kept as they were, updates give the current phase and those after it. */
  private static List<Phase> past(SubscriptionSchedule schedule) {
    return schedule.phases().stream().filter(ph -> ph.endDate() <= schedule.currentPhase().startDate()).toList();
  }

  /**
   * Reads {@code phases}: the first is the current phase (its start cannot move, nor its items: the
   * subscription bills them now), each later one starts when the one before ends, all end on the
   * subscription's period boundaries and bill recurring prices in its currency and interval.
   */
  private List<Phase> phases(RequestContext ctx, Params p, Subscription s, SubscriptionSchedule schedule) {
    List<Params> given = p.objectList("phases");
    if (given == null || given.isEmpty()) throw ApiError.missing("phases");
    if (given.size() > MAX_PHASES) throw ApiError.invalid("parameter_invalid", "phases", "A schedule can have at most " + MAX_PHASES + " phases.");
    Recurrence recurrence = SubscriptionItems.recurrence(s.items().data().get(0).price());
    Instant anchor = Instant.ofEpochSecond(s.billingCycleAnchor());
    List<Phase> out = new ArrayList<>(past(schedule));
    long start = schedule.currentPhase().startDate();
    for (int n = 0; n < given.size(); n++) {
      Params ph = given.get(n);
      if (n > 0) {
        // A later phase may bill on another interval (yearly, then monthly): its cycle starts with it, as Stripe resets the anchor.
        Recurrence next = phaseRecurrence(ctx, ph);
        if (next != null && !next.equals(recurrence)) {
          recurrence = next;
          anchor = Instant.ofEpochSecond(start);
        }
      }
      Long startDate = ph.integer("start_date", 0, Long.MAX_VALUE);
      if (startDate != null && startDate != start) {
        throw ApiError.invalid("parameter_invalid", ph.path("start_date"), n == 0
            ? "The current phase's start_date cannot change: it started at " + start + "."
            : "Phases must be contiguous: this phase must start when the one before it ends, at " + start + ".");
      }
      List<PhaseItem> items = phaseItems(ctx, ph, s, recurrence);
      if (n == 0 && !sameItems(items, s)) {
        throw ApiError.invalid("parameter_invalid", ph.path("items"), "The current phase's items are the subscription's; change them by"
            + " updating the subscription, or add a phase that starts when this one ends.");
      }
      long end = endDate(ph, n == given.size() - 1, start, anchor, recurrence);
      Map<String, String> metadata = ph.has("metadata") ? Metadata.apply(Map.of(), ph.stringMap("metadata"), false, ph.path("metadata")) : Map.of();
      String proration = ph.oneOf("proration_behavior", PRORATION_BEHAVIORS);
      ph.rejectUnknown();
      out.add(new Phase(start, end, s.currency(), items, metadata, proration == null ? "create_prorations" : proration));
      start = end;
    }
    return out;
  }

  private List<PhaseItem> phaseItems(RequestContext ctx, Params ph, Subscription s, Recurrence recurrence) {
    List<Params> given = ph.objectList("items");
    if (given == null || given.isEmpty()) throw ApiError.missing(ph.path("items"));
    if (given.size() > MAX_ITEMS) throw ApiError.invalid("parameter_invalid", ph.path("items"), "A phase can have at most " + MAX_ITEMS + " items.");
    Set<String> seen = new HashSet<>();
    List<PhaseItem> out = new ArrayList<>();
    for (Params i : given) {
      String priceId = i.requiredString("price", 5000);
      Long quantity = i.integer("quantity", 0, 1_000_000);
      Map<String, String> metadata = i.has("metadata") ? Metadata.apply(Map.of(), i.stringMap("metadata"), false, i.path("metadata")) : Map.of();
      i.rejectUnknown();
      Price price = subscriptionService.requirePrice(ctx, priceId, i.path("price"));
      if (!price.currency().equals(s.currency()) || !SubscriptionItems.recurrence(price).equals(recurrence)) {
        throw ApiError.invalid("parameter_invalid", i.path("price"), "Every phase bills in the subscription's currency ("
            + s.currency() + "), and all items of a phase on one interval (here " + recurrence.intervalCount() + " "
            + recurrence.interval().stripeName() + "); " + priceId + " bills " + price.intervalAndCurrency() + ".");
      }
      if (!seen.add(priceId)) {
        throw ApiError.invalid("parameter_invalid", i.path("price"), "The price " + priceId + " is on two items of a phase; use one item with a quantity.");
      }
      out.add(new PhaseItem(priceId, quantity == null ? 1 : quantity, metadata));
    }
    return out;
  }

  /** The interval a phase's first item bills on; null when that cannot be read (phaseItems then says why). */
  private Recurrence phaseRecurrence(RequestContext ctx, Params ph) {
    List<Params> given = ph.objectList("items");
    if (given == null || given.isEmpty()) return null;
    String priceId = given.get(0).nonEmptyString("price", 5000);
    Versioned<Price> price = priceId == null ? null : prices.find(ctx.scope(), priceId);
    return price == null || price.value().recurring() == null ? null : SubscriptionItems.recurrence(price.value());
  }

  private static boolean sameItems(List<PhaseItem> items, Subscription s) {
    Set<String> given = new HashSet<>();
    for (PhaseItem i : items) given.add(i.price() + "×" + i.quantity());
    Set<String> current = new HashSet<>();
    for (SubscriptionItem i : s.items().data()) current.add(i.price().id() + "×" + i.quantity());
    return given.equals(current);
  }

  /**
   * A phase's end: {@code end_date}, or {@code duration} after its start (one period for the last
   * phase by default); either way on one of the subscription's period boundaries.
   */
  private static long endDate(Params ph, boolean last, long start, Instant anchor, Recurrence recurrence) {
    Long endDate = ph.integer("end_date", 0, Long.MAX_VALUE);
    Params duration = ph.object("duration");
    if (endDate != null && duration != null) throw ApiError.invalid("parameters_exclusive", ph.path("end_date"), "Give end_date or duration, not both.");
    if (duration != null) {
      String interval = duration.oneOf("interval", List.of("day", "week", "month", "year"));
      if (interval == null) throw ApiError.missing(duration.path("interval"));
      Long count = duration.integer("interval_count", 1, 1000);
      duration.rejectUnknown();
      Recurrence length;
      try {
        length = Recurrence.of(interval, count == null ? 1 : count.intValue());
      } catch (IllegalArgumentException e) {
        throw ApiError.invalid("parameter_invalid", duration.path("interval_count"), e.getMessage());
      }
      endDate = BillingPeriods.periodEnd(Instant.ofEpochSecond(start), length, 1).getEpochSecond();
    }
    if (endDate == null && !last) {
      throw ApiError.invalid("parameter_missing", ph.path("end_date"), "Every phase but the last needs an end_date or a duration.");
    }
    long end = start;
    List<Long> boundaries = new ArrayList<>();
    for (int n = 0; n < (endDate != null ? MAX_PERIODS : 1); n++) {
      Instant at = Instant.ofEpochSecond(end);
      end = (at.isBefore(anchor) ? anchor : BillingPeriods.currentPeriod(anchor, recurrence, at).end()).getEpochSecond();
      boundaries.add(end);
      if (endDate != null && end >= endDate) break;
    }
    if (endDate != null && end != endDate) {
      String param = duration != null ? ph.path("duration") : ph.path("end_date");
      throw ApiError.invalid("parameter_invalid", param, "A phase ends where a billing period of the subscription does (the next ones: "
          + boundaries.subList(0, Math.min(3, boundaries.size())) + "); changes between period ends are not supported.");
    }
    return end;
  }

  // ---- release and cancel --------------------------------------------------------------------

  /** The subscription keeps running as it is, on its own. */
  public ApiResponse release(ApiRequest req, String id) {
    Expansion.none(req);
    return ApiResponse.ok(Checks.retryingConflicts(() -> {
      Params p = req.params();
      p.bool("preserve_cancel_date"); // a scheduled subscription has no cancel date (see create)
      p.rejectUnknown();
      Versioned<SubscriptionSchedule> found = attached(req.context(), id);
      SubscriptionSchedule schedule = found.value();
      Versioned<Subscription> sub = subscriptionService.find(req.context(), schedule.subscription(), "subscription");
      RequestContext ctx = subscriptionService.timeOf(req.context(), schedule.testClock());
      SubscriptionSchedule released = schedule.ended("released", ctx.now().getEpochSecond());
      Subscription alone = SchedulePhases.attached(sub.value(), null, sub.value().items().data(), sub.value().cancelAt());
      Changes changes = transactions.begin();
      schedules.stageReplace(changes, ctx.scope(), found, released, ctx.event("subscription_schedule.released", released, schedule));
      subscriptions.stageReplace(changes, ctx.scope(), sub, alone, ctx.event("customer.subscription.updated", alone, sub.value()));
      changes.commit();
      return released;
    }));
  }

  /**
   * Cancels the schedule and its subscription, as Stripe does (prorating the unused time unless
   * {@code prorate=false}). The subscription is canceled first: if the schedule's write then fails,
   * a retry finds the subscription canceled and only marks the schedule.
   */
  public ApiResponse cancel(ApiRequest req, String id) {
    Expansion.none(req);
    Params p = req.params();
    boolean prorate = !Boolean.FALSE.equals(p.bool("prorate"));
    boolean invoiceNow = Boolean.TRUE.equals(p.bool("invoice_now"));
    p.rejectUnknown();
    return ApiResponse.ok(Checks.retryingConflicts(() -> {
      Versioned<SubscriptionSchedule> found = attached(req.context(), id);
      SubscriptionSchedule schedule = found.value();
      RequestContext ctx = subscriptionService.timeOf(req.context(), schedule.testClock());
      Versioned<Subscription> sub = subscriptionService.find(ctx, schedule.subscription(), "subscription");
      if (!sub.value().status().equals("canceled")) {
        // Canceling the subscription ends its schedule in the same transaction.
        subscriptionService.cancelNow(ctx, sub, new Subscription.CancellationDetails(null, null, "cancellation_requested"), prorate, invoiceNow);
        return find(ctx, id).value();
      }
      SubscriptionSchedule canceled = schedule.ended("canceled", ctx.now().getEpochSecond());
      Changes changes = transactions.begin();
      schedules.stageReplace(changes, ctx.scope(), found, canceled, ctx.event("subscription_schedule.canceled", canceled, schedule));
      changes.commit();
      return canceled;
    }));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Versioned<SubscriptionSchedule> find(RequestContext ctx, String id) {
    Versioned<SubscriptionSchedule> found = schedules.find(ctx.scope(), id);
    if (found == null) throw ApiError.noSuch("subscription_schedule", id, "id");
    return found;
  }

  /** A schedule that still steers its subscription: ended ones cannot be changed. */
  private Versioned<SubscriptionSchedule> attached(RequestContext ctx, String id) {
    Versioned<SubscriptionSchedule> found = find(ctx, id);
    if (!found.value().attached()) {
      throw ApiError.invalid(null, "The subscription schedule " + id + " is " + found.value().status() + " and can no longer be changed.");
    }
    return found;
  }
}
