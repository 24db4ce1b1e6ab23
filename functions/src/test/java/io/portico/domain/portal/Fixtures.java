package io.portico.domain.portal;

import io.portico.domain.PaymentMethod;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfiguration.AdjustableQuantity;
import io.portico.domain.PortalConfiguration.CancellationReason;
import io.portico.domain.PortalConfiguration.Condition;
import io.portico.domain.PortalConfiguration.Features;
import io.portico.domain.PortalConfiguration.Product;
import io.portico.domain.PortalConfiguration.ScheduleAtPeriodEnd;
import io.portico.domain.PortalConfiguration.SubscriptionCancel;
import io.portico.domain.PortalConfiguration.SubscriptionUpdate;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for the portal rules' tests: only the fields the rules read vary. */
final class Fixtures {
  static final long PERIOD_START = 1_700_000_000L;
  static final long PERIOD_END = PERIOD_START + 30 * 86_400L;
  static final long NOW = PERIOD_START + 86_400L;

  private Fixtures() {}

  /** A licensed recurring price taxed exclusively, billed every {@code count} {@code interval}. */
  static Price price(String id, String product, String currency, String unitAmountDecimal, String interval, long count) {
    return new Price(id, true, "per_unit", 1L, currency, null, false, null, Map.of(), null, product,
        new Price.Recurring(interval, count, null, null, "licensed"), "exclusive", null, null, "recurring",
        new java.math.BigDecimal(unitAmountDecimal).longValue(), unitAmountDecimal);
  }

  static Price monthly(String id, String product, String currency, long unitAmount) {
    return price(id, product, currency, Long.toString(unitAmount), "month", 1);
  }

  static Price metered(String id, String product) {
    return new Price(id, true, "per_unit", 1L, "usd", null, false, null, Map.of(), null, product,
        new Price.Recurring("month", 1, "mtr_1", null, "metered"), "exclusive", null, null, "recurring", 10L, "10");
  }

  static Price taxed(Price p, String taxBehavior) {
    return p.with(p.active(), p.lookupKey(), p.metadata(), p.nickname(), taxBehavior);
  }

  static SubscriptionItem item(Price price, long quantity) {
    return new SubscriptionItem("si_" + price.id(), 1L, PERIOD_END, PERIOD_START, List.of(), Map.of(), price, quantity, "sub_1", List.of());
  }

  static Subscription subscription(String status, String collectionMethod, boolean cancelAtPeriodEnd, SubscriptionItem... items) {
    String currency = items.length == 0 ? "usd" : items[0].price().currency();
    return new Subscription("sub_1", null, null, PERIOD_START, null, null, cancelAtPeriodEnd, null, Subscription.CancellationDetails.NONE,
        collectionMethod, 1L, currency, "cus_1", null, null, null, List.of(), null, List.of(), null, null,
        new Subscription.Items(Arrays.asList(items), false, "/v1/subscription_items?subscription=sub_1"), null, false, Map.of(), null,
        null, null, null, null, null, null, null, PERIOD_START, status, null, null, null, null, null);
  }

  static Subscription active(SubscriptionItem... items) {
    return subscription("active", "charge_automatically", false, items);
  }

  static Product product(String id, String... prices) {
    return new Product(new AdjustableQuantity(false, null, 1), List.of(prices), id);
  }

  static Product product(String id, long minimum, Long maximum, String... prices) {
    return new Product(new AdjustableQuantity(true, maximum, minimum), List.of(prices), id);
  }

  static PaymentMethod card(String id) {
    return PaymentMethod.of(id, new PaymentMethod.Card("visa", null, "US", "visa", 12, 2040, "fp_" + id, "credit", null, "4242", null,
        null, null), "unspecified", PaymentMethod.BillingDetails.EMPTY, 1L, "cus_1", false, Map.of());
  }

  /** SEPA Direct Debit: pays in euros only. */
  static PaymentMethod sepa(String id) {
    return PaymentMethod.of(id, new PaymentMethod.SepaDebit("37040044", null, "DE", "fp_" + id, null, "3000"), "unspecified",
        PaymentMethod.BillingDetails.EMPTY, 1L, "cus_1", false, Map.of());
  }

  /** A configuration built field by field; starts with updates and cancellation on, nothing else allowed. */
  static final class Config {
    boolean updateEnabled = true;
    List<String> allowed = new ArrayList<>(List.of("price", "quantity"));
    List<Product> products = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    boolean cancelEnabled = true;
    boolean reasonsEnabled = true;
    List<String> reasons = new ArrayList<>(List.of("too_expensive", "other"));

    Config products(Product... p) {
      products = List.of(p);
      return this;
    }

    Config allowed(String... kinds) {
      allowed = List.of(kinds);
      return this;
    }

    Config schedulingWhen(String... c) {
      conditions = List.of(c);
      return this;
    }

    PortalConfiguration build() {
      Features d = PortalConfiguration.defaultFeatures();
      SubscriptionUpdate u = new SubscriptionUpdate(null, allowed, updateEnabled, products, "none",
          new ScheduleAtPeriodEnd(conditions.stream().map(Condition::new).toList()), "end_trial");
      SubscriptionCancel cancel = new SubscriptionCancel(new CancellationReason(reasonsEnabled, reasons), cancelEnabled, "at_period_end", "none");
      return new PortalConfiguration("bpc_1", true, null, null, 1L, null,
          new Features(d.customerUpdate(), d.invoiceHistory(), d.paymentMethodUpdate(), cancel, u), false, false, null, Map.of(), null, 1L, List.of());
    }
  }
}
