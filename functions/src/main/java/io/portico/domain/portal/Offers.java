package io.portico.domain.portal;

import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfiguration.Product;
import io.portico.domain.PortalConfiguration.SubscriptionUpdate;
import java.util.List;
import java.util.Optional;

/** What a configuration's {@code subscription_update} offers, read null-safely (the rule classes share it). */
final class Offers {
  static final String PRICE = "price";
  static final String QUANTITY = "quantity";
  static final String PROMOTION_CODE = "promotion_code";

  private Offers() {}

  static SubscriptionUpdate update(PortalConfiguration c) {
    return c.features().subscriptionUpdate();
  }

  static List<Product> products(PortalConfiguration c) {
    List<Product> products = update(c).products();
    return products == null ? List.of() : products;
  }

  static Optional<Product> product(PortalConfiguration c, String productId) {
    return products(c).stream().filter(p -> p.product().equals(productId)).findFirst();
  }

  static boolean allows(PortalConfiguration c, String kind) {
    List<String> kinds = update(c).defaultAllowedUpdates();
    return kinds != null && kinds.contains(kind);
  }

  static boolean schedulesWhen(PortalConfiguration c, String condition) {
    PortalConfiguration.ScheduleAtPeriodEnd s = update(c).scheduleAtPeriodEnd();
    return s != null && s.conditions() != null && s.conditions().stream().anyMatch(k -> condition.equals(k.type()));
  }
}
