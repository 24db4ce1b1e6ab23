package io.portico.domain.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mid-period subscription change bills, Stripe style: time-based proration to the second.
 * For a change at {@code t} in the current period [start, end):
 *
 * <pre>  fraction = (end − t) / (end − start)                                  seconds, kept exact
 *  credit   = −round_half_up(old unit amount × old quantity × fraction)   "Unused time on …"
 *  charge   =  round_half_up(new unit amount × new quantity × fraction)   "Remaining time on …"</pre>
 *
 * Each line is rounded once, on its own; the fraction never is. Stripe credits the whole old item
 * and charges the whole new one (rather than one net line), so a 5 → 3 seat change shows both.
 *
 * <p>Two cases:
 * <ul>
 *   <li><b>Same recurrence</b> (interval and interval_count): the period stays; the credit and
 *       the charge cover [t, end).</li>
 *   <li><b>Recurrence changes</b> (e.g. monthly → yearly): the billing cycle anchor resets to t.
 *       The unused old time is credited and the new price is charged in full for its first period
 *       [t, t + new interval), invoiced right away.</li>
 * </ul>
 */
public final class Proration {
  private Proration() {}

  /** What a subscription item bills each period: a price and a quantity. */
  public record Item(UnitPrice price, long quantity) {
    public Item {
      if (price == null) throw new IllegalArgumentException("An item needs a price.");
      LineItem.requireQuantity(quantity);
    }

    String currency() {
      return price.currency();
    }
  }

  /**
   * The outcome of a change: the lines to bill, the subscription's current period afterwards
   * (unchanged, or the new one starting at the change), whether the billing cycle anchor moved to
   * the change, and whether the lines must be invoiced now rather than left pending for the next
   * invoice.
   */
  public record Result(List<LineItem> lines, Period period, boolean billingCycleReset, boolean invoiceNow) {
    public Result {
      lines = List.copyOf(lines);
    }
  }

  /** Stripe's portal {@code trial_update_behavior}: what a change during a trial does to the trial. */
  public enum TrialUpdate { CONTINUE_TRIAL, END_TRIAL }

  /**
   * A change from {@code from} to {@code to} at {@code at}, inside the paid period {@code current}.
   *
   * <p>Proration behaviour: {@code none} creates no proration lines; {@code create_prorations} and
   * {@code always_invoice} create the same lines and differ only in {@link Result#invoiceNow()}.
   * When the recurrence changes, the new period's full charge is not a proration: it is billed
   * (immediately) whatever the behaviour, and {@code none} only drops the credit.
   */
  public static Result change(Item from, Item to, Period current, Instant at, ProrationBehavior behavior) {
    return change(from, to, current, at, behavior, false);
  }

  /**
   * As {@link #change(Item, Item, Period, Instant, ProrationBehavior)}; with {@code resetAnchor}
   * (Stripe's {@code billing_cycle_anchor=now}) the cycle restarts at {@code at} even when the
   * recurrence stays, exactly as a recurrence change restarts it: the unused time is credited
   * (unless {@code none}) and {@code to} is charged for a full new period, invoiced now.
   */
  public static Result change(Item from, Item to, Period current, Instant at, ProrationBehavior behavior, boolean resetAnchor) {
    requireSameCurrency(from, to);
    requireWithin(current, at);
    boolean prorate = behavior != ProrationBehavior.NONE;
    List<LineItem> lines = new ArrayList<>();

    if (!resetAnchor && from.price().recurring().equals(to.price().recurring())) {
      if (prorate && !from.equals(to)) {
        addIfNotZero(lines, unusedTime(from, current, at));
        addIfNotZero(lines, remainingTime(to, current, at));
      }
      return new Result(lines, current, false, behavior == ProrationBehavior.ALWAYS_INVOICE);
    }

    Period fresh = firstPeriodFrom(at, to);
    if (prorate) addIfNotZero(lines, unusedTime(from, current, at));
    lines.add(LineItem.forPeriod(to.price(), to.quantity(), fresh));
    return new Result(lines, fresh, true, true);
  }

  /**
   * A change at {@code at} during a free trial {@code trial}. The trial billed 0, so there is no
   * credit for it ({@code from} is only checked for currency). With {@code CONTINUE_TRIAL} nothing
   * is billed now and {@code to} bills its first full period from the trial's end; with
   * {@code END_TRIAL} the anchor resets to {@code at} and {@code to} is charged for a fresh full
   * period [at, at + interval), invoiced now.
   */
  public static Result changeDuringTrial(Item from, Item to, Period trial, Instant at, TrialUpdate update) {
    requireSameCurrency(from, to);
    requireWithin(trial, at);
    if (update == TrialUpdate.CONTINUE_TRIAL) return new Result(List.of(), trial, false, false);
    Period fresh = firstPeriodFrom(at, to);
    return new Result(List.of(LineItem.forPeriod(to.price(), to.quantity(), fresh)), fresh, true, true);
  }

  /** round_half_up(unit amount × quantity × (end − at) / (end − start)): the remaining-time amount, ≥ 0. */
  public static long remainingTimeAmount(BigDecimal unitAmount, long quantity, Period period, Instant at) {
    requireWithin(period, at);
    long remaining = period.end().getEpochSecond() - at.getEpochSecond();
    BigDecimal numerator = unitAmount.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(remaining));
    return Rounding.halfUp(numerator, period.seconds());
  }

  private static LineItem unusedTime(Item from, Period current, Instant at) {
    // Negating the rounded charge is the same as rounding the negative half away from zero.
    long credit = -remainingTimeAmount(from.price().unitAmount(), from.quantity(), current, at);
    return new LineItem(LineItem.Kind.UNUSED_TIME, credit, from.currency(), new Period(at, current.end()),
        from.quantity(), from.price().unitAmount());
  }

  private static LineItem remainingTime(Item to, Period current, Instant at) {
    long charge = remainingTimeAmount(to.price().unitAmount(), to.quantity(), current, at);
    return new LineItem(LineItem.Kind.REMAINING_TIME, charge, to.currency(), new Period(at, current.end()),
        to.quantity(), to.price().unitAmount());
  }

  private static Period firstPeriodFrom(Instant anchor, Item to) {
    return new Period(anchor, BillingPeriods.periodEnd(anchor, to.price().recurring(), 1));
  }

  /** A 0 proration (free price, quantity 0, change at the very end) tells the customer nothing: leave it out. */
  private static void addIfNotZero(List<LineItem> lines, LineItem line) {
    if (line.amount() != 0) lines.add(line);
  }

  private static void requireSameCurrency(Item from, Item to) {
    if (!from.currency().equals(to.currency())) {
      throw new IllegalArgumentException("A subscription cannot change currency (" + from.currency() + " to " + to.currency() + ").");
    }
  }

  private static void requireWithin(Period period, Instant at) {
    if (!period.contains(at)) {
      throw new IllegalArgumentException("The change at " + at + " is outside the period [" + period.start() + ", " + period.end() + ").");
    }
  }
}
