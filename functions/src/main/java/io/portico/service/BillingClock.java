package io.portico.service;

import io.portico.config.PorticoSettings;
import io.portico.domain.Account;
import io.portico.domain.BillingCalendar;
import io.portico.domain.Ids;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import io.portico.store.AccountRepository;
import io.portico.store.SubscriptionRepository;
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

  private final SubscriptionRepository subscriptions;
  private final SubscriptionService subscriptionService;
  private final AccountRepository accounts;
  private final PorticoSettings settings;
  private final Clock clock;

  public BillingClock(SubscriptionRepository subscriptions, SubscriptionService subscriptionService, AccountRepository accounts,
      PorticoSettings settings, Clock clock) {
    this.subscriptions = subscriptions;
    this.subscriptionService = subscriptionService;
    this.accounts = accounts;
    this.settings = settings;
    this.clock = clock;
  }

  /** One scheduled run of the real clock; returns how many events it handled. */
  public int run() {
    Instant now = clock.instant();
    int handled = 0;
    for (int shard = 0; shard < TableLayout.DUE_SHARDS; shard++) handled += runPartition("due#" + shard, now);
    return handled;
  }

  /** Everything on test clock {@code clockId} due up to {@code frozenTime}. */
  public int runTestClock(String clockId, Instant frozenTime) {
    return runPartition("clock#" + clockId, frozenTime);
  }

  private int runPartition(String duePk, Instant upTo) {
    int handled = 0;
    while (true) {
      var due = subscriptions.due(duePk, upTo, PAGE);
      if (due.isEmpty()) return handled;
      int before = handled;
      for (SubscriptionRepository.Due d : due) handled += catchUp(d.scope(), d.id(), upTo);
      if (handled == before) return handled; // nothing moved: the rest failed and will be retried next run
    }
  }

  /** Advances one subscription event by event until its next event lies after {@code upTo}. */
  private int catchUp(Scope scope, String id, Instant upTo) {
    Account account = accounts.find(scope.accountId());
    int events = 0;
    while (events < MAX_EVENTS_PER_SUBSCRIPTION) {
      try {
        RequestContext base = new RequestContext(account, scope, "req_clock_" + Ids.random(12), null,
            account.defaultApiVersion() != null ? account.defaultApiVersion() : settings.getApiVersion(), settings.getPublicBaseUrl(), upTo);
        boolean moved = Checks.retryingConflicts(() -> {
          Versioned<Subscription> current = subscriptionService.find(base, id, "id");
          Optional<Instant> next = BillingCalendar.nextEvent(current.value());
          if (next.isEmpty() || next.get().isAfter(upTo)) return false;
          subscriptionService.advance(base.at(next.get()), current);
          return true;
        });
        if (!moved) return events;
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
