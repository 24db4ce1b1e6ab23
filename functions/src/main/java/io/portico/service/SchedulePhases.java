package io.portico.service;

import io.portico.domain.Ids;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.SubscriptionSchedule;
import io.portico.store.Changes;
import io.portico.store.PriceRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.SubscriptionScheduleRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a subscription from one schedule phase to the next. Phases end on period boundaries, so
 * the billing clock calls {@link #atPhaseEnd} just before it renews: the next phase's items
 * replace the subscription's (no proration, the old period is fully billed) and the renewal bills
 * them; after the last phase the schedule releases the subscription or has it canceled.
 */
@Singleton
public class SchedulePhases {
  private final SubscriptionScheduleRepository schedules;
  private final SubscriptionRepository subscriptions;
  private final PriceRepository prices;
  private final Transactions transactions;

  public SchedulePhases(SubscriptionScheduleRepository schedules, SubscriptionRepository subscriptions, PriceRepository prices,
      Transactions transactions) {
    this.schedules = schedules;
    this.subscriptions = subscriptions;
    this.prices = prices;
    this.transactions = transactions;
  }

  /**
   * When {@code current}'s schedule has a phase ending at {@code ctx.now()}, applies what follows it
   * (in its own transaction, so a renewal that fails later finds the phase already moved and does
   * not move it twice) and returns the subscription as it now is; otherwise returns {@code current}.
   * With end_behavior cancel the subscription gets {@code cancel_at} now, which the clock then carries out.
   */
  public Versioned<Subscription> atPhaseEnd(RequestContext ctx, Versioned<Subscription> current) {
    Subscription s = current.value();
    if (s.schedule() == null) return current;
    Versioned<SubscriptionSchedule> found = schedules.find(ctx.scope(), s.schedule());
    long now = ctx.now().getEpochSecond();
    if (found == null || !found.value().attached() || found.value().currentPhase() == null || found.value().currentPhase().endDate() != now) {
      return current;
    }
    SubscriptionSchedule schedule = found.value();
    SubscriptionSchedule.Phase next = schedule.phases().stream().filter(p -> p.startDate() == now).findFirst().orElse(null);
    SubscriptionSchedule nextSchedule;
    Subscription nextSubscription;
    String scheduleEvent;
    if (next != null) {
      nextSchedule = schedule.with(new SubscriptionSchedule.CurrentPhase(next.startDate(), next.endDate()), schedule.phases(),
          schedule.endBehavior(), schedule.metadata());
      nextSubscription = switched(ctx, s, next.items());
      scheduleEvent = "subscription_schedule.updated";
    } else if (schedule.endBehavior().equals("cancel")) {
      nextSchedule = schedule.ended("completed", now);
      nextSubscription = attached(s, null, s.items().data(), now);
      scheduleEvent = "subscription_schedule.completed";
    } else {
      nextSchedule = schedule.ended("released", now);
      nextSubscription = attached(s, null, s.items().data(), s.cancelAt());
      scheduleEvent = "subscription_schedule.released";
    }
    Changes changes = transactions.begin();
    schedules.stageReplace(changes, ctx.scope(), found, nextSchedule, ctx.event(scheduleEvent, nextSchedule, schedule));
    subscriptions.stageReplace(changes, ctx.scope(), current, nextSubscription, ctx.event("customer.subscription.updated", nextSubscription, s));
    changes.commit();
    return subscriptions.find(ctx.scope(), s.id());
  }

  /** The items of the phase {@code s}'s schedule moves to when its current period ends; empty when none does. */
  java.util.Optional<List<SubscriptionSchedule.PhaseItem>> nextPhaseItems(RequestContext ctx, Subscription s) {
    if (s.schedule() == null) return java.util.Optional.empty();
    Versioned<SubscriptionSchedule> found = schedules.find(ctx.scope(), s.schedule());
    long periodEnd = s.items().data().get(0).currentPeriodEnd();
    if (found == null || !found.value().attached() || found.value().currentPhase() == null
        || found.value().currentPhase().endDate() != periodEnd) {
      return java.util.Optional.empty();
    }
    return found.value().phases().stream().filter(p -> p.startDate() == periodEnd).findFirst().map(SubscriptionSchedule.Phase::items);
  }

  /**
   * {@code s} (still attached to its schedule) as it will be when {@code items} replace its items at
   * the end of its current period: the items keep that period (the renewal then bills the next one),
   * and a phase on another interval restarts the billing cycle there (Stripe resets the anchor).
   */
  Subscription switched(RequestContext ctx, Subscription s, List<SubscriptionSchedule.PhaseItem> items) {
    List<SubscriptionItem> next = items(ctx, s, items);
    SubscriptionItem before = s.items().data().get(0);
    boolean newInterval = !SubscriptionItems.recurrence(before.price()).equals(SubscriptionItems.recurrence(next.get(0).price()));
    Subscription out = attached(s, s.schedule(), next, s.cancelAt());
    return newInterval ? withAnchor(out, before.currentPeriodEnd()) : out;
  }

  /** The phase's items as subscription items, keeping an item's id when its price stays, in the period now ending. */
  private List<SubscriptionItem> items(RequestContext ctx, Subscription s, List<SubscriptionSchedule.PhaseItem> phaseItems) {
    SubscriptionItem first = s.items().data().get(0);
    List<SubscriptionItem> out = new ArrayList<>();
    for (SubscriptionSchedule.PhaseItem i : phaseItems) {
      SubscriptionItem kept = s.items().data().stream().filter(x -> x.price().id().equals(i.price())).findFirst().orElse(null);
      Price price = prices.find(ctx.scope(), i.price()).value();
      out.add(new SubscriptionItem(kept != null ? kept.id() : Ids.newId("si"), kept != null ? kept.created() : ctx.now().getEpochSecond(),
          first.currentPeriodEnd(), first.currentPeriodStart(), List.of(), i.metadata(), price, i.quantity(), s.id(), List.of()));
    }
    return out;
  }

  private static Subscription withAnchor(Subscription s, long anchor) {
    return new Subscription(s.id(), s.application(), s.automaticTax(), anchor, s.billingCycleAnchorConfig(), s.cancelAt(),
        s.cancelAtPeriodEnd(), s.canceledAt(), s.cancellationDetails(), s.collectionMethod(), s.created(), s.currency(), s.customer(),
        s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(), s.description(), s.discounts(), s.endedAt(),
        s.invoiceSettings(), s.items(), s.latestInvoice(), s.livemode(), s.metadata(), s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(),
        s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(), s.pendingSetupIntent(), s.pendingUpdate(), s.schedule(),
        s.startDate(), s.status(), s.testClock(), s.transferData(), s.trialEnd(), s.trialSettings(), s.trialStart());
  }

  /** {@code s} naming {@code schedule} (null: none), with {@code items} and {@code cancelAt}. */
  static Subscription attached(Subscription s, String schedule, List<SubscriptionItem> items, Long cancelAt) {
    return new Subscription(s.id(), s.application(), s.automaticTax(), s.billingCycleAnchor(), s.billingCycleAnchorConfig(), cancelAt,
        s.cancelAtPeriodEnd(), s.canceledAt(), s.cancellationDetails(), s.collectionMethod(), s.created(), s.currency(), s.customer(),
        s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(), s.description(), s.discounts(), s.endedAt(),
        s.invoiceSettings(), new Subscription.Items(items, false, s.items().url()), s.latestInvoice(), s.livemode(), s.metadata(),
        s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(), s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(),
        s.pendingSetupIntent(), s.pendingUpdate(), schedule, s.startDate(), s.status(), s.testClock(), s.transferData(), s.trialEnd(),
        s.trialSettings(), s.trialStart());
  }
}
