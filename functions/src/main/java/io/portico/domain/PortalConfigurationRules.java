package io.portico.domain;

import io.portico.error.ApiError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a portal configuration must satisfy beyond each field's own type (from the seeds and
 * Stripe's API): up to 10 products for plan switching, no product twice, no price twice, sensible
 * quantity bounds, a switchable plan list when price changes are allowed, at least one reason when
 * reasons are asked for.
 */
public final class PortalConfigurationRules {
  public static final int MAX_PRODUCTS = 10;
  public static final int MAX_HEADLINE = 60;
  public static final int MAX_QUANTITY = 99;
  private static final String UPDATE = "features[subscription_update]";

  private PortalConfigurationRules() {}

  public static void validate(PortalConfiguration c) {
    PortalConfiguration.SubscriptionUpdate update = c.features().subscriptionUpdate();
    List<PortalConfiguration.Product> products = update.products() == null ? List.of() : update.products();
    if (products.size() > MAX_PRODUCTS) {
      throw ApiError.invalid("parameter_invalid", UPDATE + "[products]",
          "You can offer at most " + MAX_PRODUCTS + " products for customers to switch between (got " + products.size() + ").");
    }
    Set<String> seenProducts = new HashSet<>();
    for (int i = 0; i < products.size(); i++) {
      PortalConfiguration.Product product = products.get(i);
      String at = UPDATE + "[products][" + i + "]";
      if (!seenProducts.add(product.product())) {
        throw ApiError.invalid("parameter_invalid", at + "[product]",
            "Product " + product.product() + " is listed twice in " + UPDATE + "[products]; list each product once with all its prices.");
      }
      if (product.prices().isEmpty()) {
        throw ApiError.invalid("parameter_invalid", at + "[prices]", "List at least one price for product " + product.product() + ".");
      }
      Set<String> seenPrices = new HashSet<>();
      for (int j = 0; j < product.prices().size(); j++) {
        if (!seenPrices.add(product.prices().get(j))) {
          throw ApiError.invalid("parameter_invalid", at + "[prices][" + j + "]",
              "Price " + product.prices().get(j) + " is listed twice for product " + product.product() + ".");
        }
      }
      PortalConfiguration.AdjustableQuantity q = product.adjustableQuantity();
      if (q != null) {
        if (q.minimum() < 0) {
          throw ApiError.invalid("parameter_invalid", at + "[adjustable_quantity][minimum]", "The minimum quantity cannot be negative.");
        }
        if (q.maximum() != null && (q.maximum() < Math.max(1, q.minimum()) || q.maximum() > MAX_QUANTITY)) {
          throw ApiError.invalid("parameter_invalid", at + "[adjustable_quantity][maximum]",
              "The maximum quantity must be at least the minimum (and at least 1) and at most " + MAX_QUANTITY + " (got " + q.maximum() + ").");
        }
      }
    }
    if (update.enabled() && update.defaultAllowedUpdates().contains("price") && products.isEmpty()) {
      throw ApiError.invalid("parameter_missing", UPDATE + "[products]",
          "To let customers switch plans (default_allowed_updates includes price), list the products and prices they may switch"
              + " between in " + UPDATE + "[products].");
    }
    PortalConfiguration.CancellationReason reason = c.features().subscriptionCancel().cancellationReason();
    if (reason.enabled() && reason.options().isEmpty()) {
      throw ApiError.invalid("parameter_missing", "features[subscription_cancel][cancellation_reason][options]",
          "When cancellation reasons are enabled, choose at least one reason for customers to pick from.");
    }
    String headline = c.businessProfile().headline();
    if (headline != null && headline.length() > MAX_HEADLINE) throw ApiError.tooLong("business_profile[headline]", MAX_HEADLINE);
  }

  /**
   * The seed's rule: a product offers customers at most one price per (recurring interval,
   * currency), so a switch is never ambiguous. {@code intervalAndCurrency} holds each price's pair.
   */
  public static void requireOnePricePerIntervalAndCurrency(String productParam, List<String> priceIds, List<String> intervalAndCurrency) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < priceIds.size(); i++) {
      if (!seen.add(intervalAndCurrency.get(i))) {
        throw ApiError.invalid("parameter_invalid", productParam + "[prices][" + i + "]",
            "A product can offer only one price per billing interval and currency; " + priceIds.get(i) + " is a second price billed "
                + intervalAndCurrency.get(i) + ".");
      }
    }
  }
}
