package io.portico.service;

import io.portico.domain.Price;
import io.portico.domain.Product;
import io.portico.domain.billing.Currencies;
import io.portico.domain.billing.Proration;
import io.portico.domain.billing.Recurrence;
import io.portico.domain.billing.UnitPrice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Between the API's price object and the billing arithmetic, and the line descriptions Stripe writes. */
final class SubscriptionItems {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private SubscriptionItems() {}

  static Recurrence recurrence(Price p) {
    return Recurrence.of(p.recurring().interval(), (int) p.recurring().intervalCount());
  }

  static UnitPrice unitPrice(Price p) {
    return UnitPrice.ofDecimal(p.unitAmountDecimal(), p.currency(), recurrence(p));
  }

  static Proration.Item item(Price p, long quantity) {
    return new Proration.Item(unitPrice(p), quantity);
  }

  /** "1 × Pro (at 10.00 USD / month)", as on Stripe's invoices. */
  static String periodDescription(Product product, Price price, long quantity) {
    String every = price.recurring().intervalCount() == 1 ? price.recurring().interval()
        : "every " + price.recurring().intervalCount() + " " + price.recurring().interval() + "s";
    return quantity + " × " + name(product) + " (at " + Currencies.format(price.exactUnitAmount().setScale(0, java.math.RoundingMode.HALF_UP)
        .longValueExact(), price.currency()) + " / " + every + ")";
  }

  static String trialDescription(Product product) {
    return "Trial period for " + name(product);
  }

  static String unusedDescription(Product product, long quantity, Instant after) {
    return "Unused time on " + quantity + " × " + name(product) + " after " + DAY.format(after);
  }

  static String remainingDescription(Product product, long quantity, Instant after) {
    return "Remaining time on " + quantity + " × " + name(product) + " after " + DAY.format(after);
  }

  private static String name(Product product) {
    return product == null ? "(deleted product)" : product.name();
  }
}
