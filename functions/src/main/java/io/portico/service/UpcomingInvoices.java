package io.portico.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.domain.BillingCalendar;
import io.portico.domain.Invoice;
import io.portico.domain.Subscription;
import io.portico.store.Changes;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.DueIndex;
import io.portico.store.Transactions;
import io.portico.store.UpcomingNotices;
import io.portico.store.Versioned;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's {@code invoice.upcoming}: {@link #LEAD} (Stripe's default, three days) before a
 * subscription that is charged automatically renews, an event whose object is the invoice the
 * renewal will create (without an id, as Stripe sends it). Sent once per renewal: a marker is
 * written in the same transaction as the event.
 *
 * <p>The billing clock calls {@link #lookAhead} after each run: it reads, from the due index, the
 * subscriptions whose next event lies between the horizon it looked up to last time and
 * {@code now + LEAD}, so each renewal is read about once. A renewal the look-ahead could not see
 * (the clock jumped over it, e.g. a test clock advanced by months, or a change moved it inside the
 * window) gets its notice from {@link #beforeRenewal}, just before the clock renews it.
 */
@Singleton
public class UpcomingInvoices {
  public static final Duration LEAD = Duration.ofDays(3);
  private static final Logger LOG = LoggerFactory.getLogger(UpcomingInvoices.class);

  private final UpcomingNotices notices;
  private final SubscriptionService subscriptions;
  private final InvoiceService invoices;
  private final Transactions transactions;

  public UpcomingInvoices(UpcomingNotices notices, SubscriptionService subscriptions, InvoiceService invoices, Transactions transactions) {
    this.notices = notices;
    this.subscriptions = subscriptions;
    this.invoices = invoices;
    this.transactions = transactions;
  }

  /** Sends the notices of partition {@code duePk} that are due at {@code upTo}; {@code context} gives each one's request context. */
  public int lookAhead(String duePk, Instant upTo, java.util.function.Function<DueIndex.Due, RequestContext> context) {
    long horizon = upTo.plus(LEAD).getEpochSecond();
    Long last = notices.horizon(duePk);
    long from = last == null ? upTo.getEpochSecond() : Math.max(last, upTo.getEpochSecond());
    int sent = 0;
    List<DueIndex.Due> due = notices.dueBetween(duePk, from, horizon);
    for (DueIndex.Due d : due) {
      if (!d.id().startsWith("sub_")) continue;
      try {
        RequestContext ctx = context.apply(d).at(upTo);
        if (send(ctx, subscriptions.find(ctx, d.id(), "id"))) sent++;
      } catch (RuntimeException e) {
        LOG.error("could not send invoice.upcoming for {} ({})", d.id(), d.scope().key(), e);
      }
    }
    notices.raiseHorizon(duePk, horizon);
    return sent;
  }

  /** Called with the subscription about to renew: sends its notice if none was sent, dated {@link #LEAD} before the renewal. */
  public void beforeRenewal(RequestContext ctx, Versioned<Subscription> current) {
    Optional<Instant> renewal = renewal(current.value());
    if (renewal.isEmpty()) return;
    Instant at = renewal.get().minus(LEAD);
    // A period shorter than the lead has no moment for a notice.
    if (at.getEpochSecond() < current.value().items().data().get(0).currentPeriodStart()) return;
    try {
      send(ctx.at(at), current);
    } catch (RuntimeException e) {
      LOG.error("could not send invoice.upcoming for {} ({})", current.value().id(), ctx.scope().key(), e);
    }
  }

  /** Sends the notice of the subscription's next renewal if it is due at {@code ctx.now()} and not sent yet; true if sent now. */
  private boolean send(RequestContext ctx, Versioned<Subscription> current) {
    Optional<Instant> renewal = renewal(current.value());
    if (renewal.isEmpty() || renewal.get().minus(LEAD).isAfter(ctx.now())) return false;
    long periodEnd = renewal.get().getEpochSecond();
    String id = current.value().id();
    if (notices.sent(id, periodEnd)) return false;
    Invoice upcoming = invoices.upcomingRenewal(ctx, current);
    ObjectNode object = (ObjectNode) Json.tree(upcoming);
    object.putNull("id"); // Stripe: "the received Invoice object will not have an invoice ID"
    Changes changes = transactions.begin();
    notices.stageSent(changes, ctx.scope(), id, periodEnd);
    changes.event(ctx.scope(), ctx.event("invoice.upcoming", object, null));
    try {
      changes.commit();
      return true;
    } catch (ConcurrentUpdateException sentMeanwhile) {
      return false;
    }
  }

  /** When the subscription renews with an invoice charged automatically; empty when its next event is no such renewal. */
  static Optional<Instant> renewal(Subscription s) {
    if (!"charge_automatically".equals(s.collectionMethod()) || s.cancelAtPeriodEnd()) return Optional.empty();
    if (!List.of("active", "trialing", "past_due").contains(s.status())) return Optional.empty();
    Optional<Instant> next = BillingCalendar.nextEvent(s);
    if (next.isEmpty() || (s.cancelAt() != null && s.cancelAt() <= next.get().getEpochSecond())) return Optional.empty();
    return next;
  }
}
