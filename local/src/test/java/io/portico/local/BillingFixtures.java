package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceCreateParams.Recurring.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** What the subscription and invoice tests share: prices, the clock, proration arithmetic and the events a change wrote. */
final class BillingFixtures {
  static final long DAY = 86_400;

  private BillingFixtures() {}

  static Price recurringPrice(StripeClient stripe, String currency, long unitAmount, Interval interval, long count, String product)
      throws StripeException {
    return stripe.v1().prices().create(PriceCreateParams.builder().setCurrency(currency).setUnitAmount(unitAmount)
        .setRecurring(PriceCreateParams.Recurring.builder().setInterval(interval).setIntervalCount(count).build())
        .setProductData(PriceCreateParams.ProductData.builder().setName(product).build()).build());
  }

  static Price monthly(StripeClient stripe, long unitAmount, String product) throws StripeException {
    return recurringPrice(stripe, "usd", unitAmount, Interval.MONTH, 1, product);
  }

  /** Every 30 days: a period whose length never depends on the month, so prorations can be worked out by hand. */
  static Price every30Days(StripeClient stripe, long unitAmount, String product) throws StripeException {
    return recurringPrice(stripe, "usd", unitAmount, Interval.DAY, 30, product);
  }

  static long now() {
    return TestStack.CLOCK.instant().getEpochSecond();
  }

  static void advanceDays(long days) {
    TestStack.CLOCK.advance(Duration.ofDays(days));
  }

  /** One month after {@code epochSecond} in the UTC calendar, as a monthly period ends. */
  static long plusMonths(long epochSecond, long months) {
    return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).plusMonths(months).toEpochSecond();
  }

  /** round_half_up(amount × remaining / total): Stripe's time-based proration, seconds exact. */
  static long prorate(long amount, long remaining, long total) {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(remaining))
        .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
  }

  static List<Long> lineAmounts(Invoice invoice) {
    return invoice.getLines().getData().stream().map(InvoiceLineItem::getAmount).toList();
  }

  static boolean proration(InvoiceLineItem line) {
    return line.getParent().getSubscriptionItemDetails().getProration();
  }

  static String linePrice(InvoiceLineItem line) {
    return line.getPricing().getPriceDetails().getPrice();
  }

  static String subscriptionOf(Invoice invoice) {
    return invoice.getParent().getSubscriptionDetails().getSubscription();
  }

  /** The events of {@code type} the account's changes wrote for the object {@code objectId}. */
  static List<TestStack.StoredEvent> events(String account, String type, String objectId) {
    return TestStack.eventsOf(account).stream().filter(e -> e.type().equals(type) && objectId.equals(e.objectId())).toList();
  }

  /** Each of {@code types} was written at least once for {@code objectId}. */
  static void assertEvents(String account, String objectId, String... types) {
    List<TestStack.StoredEvent> all = TestStack.eventsOf(account);
    for (String type : types) {
      assertFalse(all.stream().noneMatch(e -> e.type().equals(type) && objectId.equals(e.objectId())),
          "no " + type + " event for " + objectId + "; events: " + all.stream().map(e -> e.type() + " " + e.objectId()).toList());
    }
  }

  static void assertEventCount(String account, String type, String objectId, int count) {
    assertEquals(count, events(account, type, objectId).size(), type + " events for " + objectId);
  }
}
