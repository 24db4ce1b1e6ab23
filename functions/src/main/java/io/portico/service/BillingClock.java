package io.portico.service;

import io.portico.config.PorticoSettings;
import io.portico.domain.Account;
import io.portico.domain.BillingCalendar;
import io.portico.domain.Event;
import io.portico.domain.Ids;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import io.portico.store.AccountRepository;
import io.portico.store.DueIndex;
import io.portico.store.TableLayout;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves subscriptions through time: every subscription whose next event (renewal, trial end,
 * scheduled cancellation, incomplete expiry) has come is advanced, one event at a time and each
 * at its own instant, until nothing is due. The real clock runs on a schedule; a test clock runs
 * its own objects when the merchant advances it.
 */
@Singleton
public class BillingClock {
  private static final Logger LOG = LoggerFactory.getLogger(BillingClock.class);
  /** Events handled for one subscription in one run: a clock advanced by years catches up over several runs. */
  private static final int MAX_EVENTS_PER_SUBSCRIPTION = 500;
  private static final int PAGE = 100;

  private final DueIndex dueIndex;
  private final SubscriptionService subscriptionService;
  private final SchedulePhases schedulePhases;
  private final InvoicePayments payments;
  private final AccountRepository accounts;
  private final PorticoSettings settings;
  private final Clock clock;
  private final UpcomingInvoices upcoming;

  public BillingClock(DueIndex dueIndex, SubscriptionService subscriptionService, SchedulePhases schedulePhases, InvoicePayments payments,
      AccountRepository accounts, PorticoSettings settings, Clock clock, UpcomingInvoices upcoming) {
    this.upcoming = upcoming;
    this.schedulePhases = schedulePhases;
    this.dueIndex = dueIndex;
    this.payments = payments;
    this.subscriptionService = subscriptionService;
    this.accounts = accounts;
    this.settings = settings;
    this.clock = clock;
  }

  /** One scheduled run of the real clock (then the invoice.upcoming look-ahead); returns how many events it handled. */
  public int run() {
    Instant now = clock.instant();
    int handled = 0;
    for (int shard = 0; shard < TableLayout.DUE_SHARDS; shard++) {
      handled += runPartition("due#" + shard, now);
      handled += upcoming.lookAhead("due#" + shard, now, d -> context(d.scope(), now));
    }
    return handled;
  }

  /** Everything on test clock {@code clockId} due up to {@code frozenTime}. */
  public int runTestClock(String clockId, Instant frozenTime) {
    return runPartition("clock#" + clockId, frozenTime)
        + upcoming.lookAhead("clock#" + clockId, frozenTime, d -> context(d.scope(), frozenTime));
  }

  private int runPartition(String duePk, Instant upTo) {
    int handled = 0;
    while (true) {
      var due = dueIndex.due(duePk, upTo, PAGE);
      if (due.isEmpty()) return handled;
      int before = handled;
      for (DueIndex.Due d : due) handled += d.id().startsWith("in_") ? retryPayment(d) : catchUp(d.scope(), d.id(), upTo);
      if (handled == before) return handled; // nothing moved: the rest failed and will be retried next run
    }
  }

  /** A failed automatic collection whose next attempt has come: try again, at that instant. */
  private int retryPayment(DueIndex.Due due) {
    try {
      payments.collect(context(due.scope(), due.at()), due.id(), null, true);
      return 1;
    } catch (RuntimeException e) {
      LOG.error("billing clock could not retry the payment of {} ({})", due.id(), due.scope().key(), e);
      return 0;
    }
  }

  private RequestContext context(Scope scope, Instant at) {
    Account account = accounts.find(scope.accountId());
    return new RequestContext(account, scope, "req_clock_" + Ids.random(12), null,
        account.defaultApiVersion() != null ? account.defaultApiVersion() : settings.getApiVersion(), settings.getPublicBaseUrl(), at, Event.Actor.BILLING_CLOCK);
  }

  /** Advances one subscription event by event until its next event lies after {@code upTo}; a renewal's invoice is collected at once. */
  private int catchUp(Scope scope, String id, Instant upTo) {
    int events = 0;
    while (events < MAX_EVENTS_PER_SUBSCRIPTION) {
      try {
        RequestContext base = context(scope, upTo);
        Subscription moved = Checks.retryingConflicts(() -> {
          Versioned<Subscription> current = subscriptionService.find(base, id, "id");
          Optional<Instant> next = BillingCalendar.nextEvent(current.value());
          if (next.isEmpty() || next.get().isAfter(upTo)) return null;
          // invoice.upcoming, if the look-ahead never saw this renewal coming (e.g. a test clock jumped over it).
          upcoming.beforeRenewal(base, current);
          // A schedule's phase ending now first changes what the renewal bills (or ends the subscription).
          return subscriptionService.advance(base.at(next.get()), schedulePhases.atPhaseEnd(base.at(next.get()), current));
        });
        if (moved == null) return events;
        subscriptionService.collectLatest(base.at(Instant.ofEpochSecond(moved.items().data().get(0).currentPeriodStart())), moved);
        events++;
      } catch (RuntimeException e) {
        // One broken subscription must not stop the clock for everyone else.
        LOG.error("billing clock could not advance {} ({})", id, scope.key(), e);
        return events;
      }
    }
    return events;
  }
}
