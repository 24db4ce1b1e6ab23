package io.portico.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.PortalConfiguration.AdjustableQuantity;
import io.portico.domain.PortalConfiguration.BusinessProfile;
import io.portico.domain.PortalConfiguration.CancellationReason;
import io.portico.domain.PortalConfiguration.Features;
import io.portico.domain.PortalConfiguration.Product;
import io.portico.domain.PortalConfiguration.ScheduleAtPeriodEnd;
import io.portico.domain.PortalConfiguration.SubscriptionCancel;
import io.portico.domain.PortalConfiguration.SubscriptionUpdate;
import io.portico.error.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalConfigurationRulesTest {
  private static final String UPDATE = "features[subscription_update]";

  private static PortalConfiguration config(Features features, String headline) {
    return new PortalConfiguration("bpc_1", true, null, new BusinessProfile(headline, null, null), 1L, null, features, false, false,
        new PortalConfiguration.LoginPage(false, null), Map.of(), null, 1L, List.of());
  }

  private static PortalConfiguration withUpdate(boolean enabled, List<String> allowed, List<Product> products) {
    Features d = PortalConfiguration.defaultFeatures();
    SubscriptionUpdate u = new SubscriptionUpdate(null, allowed, enabled, products, "none", new ScheduleAtPeriodEnd(List.of()), "end_trial");
    return config(new Features(d.customerUpdate(), d.invoiceHistory(), d.paymentMethodUpdate(), d.subscriptionCancel(), u), null);
  }

  private static PortalConfiguration withProducts(Product... products) {
    return withUpdate(true, List.of("price"), List.of(products));
  }

  private static Product product(String id, String... prices) {
    return new Product(new AdjustableQuantity(false, null, 1), List.of(prices), id);
  }

  private static Product quantities(long min, Long max) {
    return new Product(new AdjustableQuantity(true, max, min), List.of("price_1"), "prod_1");
  }

  private static ApiError refused(String code, String param, PortalConfiguration c) {
    ApiError e = assertThrows(ApiError.class, () -> PortalConfigurationRules.validate(c));
    assertEquals(400, e.status());
    assertEquals(ApiError.INVALID_REQUEST, e.type());
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(param, e.param(), e.getMessage());
    return e;
  }

  @Test
  void defaultsAndTheFirstDefaultAreValid() {
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(config(PortalConfiguration.defaultFeatures(), null)));
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(config(PortalConfiguration.firstDefaultFeatures(), null)));
  }

  @Test
  void tenProductsPassElevenAreRefused() {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 11; i++) products.add(product("prod_" + i, "price_" + i));
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(withUpdate(true, List.of("price"), products.subList(0, 10))));
    ApiError e = refused("parameter_invalid", UPDATE + "[products]", withUpdate(true, List.of("price"), products));
    assertTrue(e.getMessage().contains("11"), e.getMessage());
  }

  @Test
  void sameProductTwice() {
    // The second occurrence is the one at fault.
    refused("parameter_invalid", UPDATE + "[products][1][product]", withProducts(product("prod_a", "price_1"), product("prod_a", "price_2")));
  }

  @Test
  void samePriceTwiceForOneProduct() {
    refused("parameter_invalid", UPDATE + "[products][0][prices][2]", withProducts(product("prod_a", "price_1", "price_2", "price_1")));
  }

  @Test
  void productWithoutPrices() {
    refused("parameter_invalid", UPDATE + "[products][0][prices]", withProducts(product("prod_a")));
  }

  @Test
  void maximumBelowMinimum() {
    refused("parameter_invalid", UPDATE + "[products][0][adjustable_quantity][maximum]", withProducts(quantities(5, 4L)));
  }

  @Test
  void quantityBounds() {
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(withProducts(quantities(5, 5L))));
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(withProducts(quantities(0, null))));
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(withProducts(quantities(1, 99L))));
    // max 0 with min 0: the maximum must still be at least 1
    refused("parameter_invalid", UPDATE + "[products][0][adjustable_quantity][maximum]", withProducts(quantities(0, 0L)));
    refused("parameter_invalid", UPDATE + "[products][0][adjustable_quantity][maximum]", withProducts(quantities(1, 100L)));
    refused("parameter_invalid", UPDATE + "[products][0][adjustable_quantity][minimum]", withProducts(quantities(-1, null)));
  }

  @Test
  void priceUpdatesEnabledWithoutProducts() {
    refused("parameter_missing", UPDATE + "[products]", withUpdate(true, List.of("price", "quantity"), List.of()));
    // Quantity-only updates, or the feature switched off, need no product list.
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(withUpdate(true, List.of("quantity"), List.of())));
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(withUpdate(false, List.of("price"), List.of())));
  }

  @Test
  void cancellationReasonsEnabledWithNoOptions() {
    Features d = PortalConfiguration.defaultFeatures();
    Features f = new Features(d.customerUpdate(), d.invoiceHistory(), d.paymentMethodUpdate(),
        new SubscriptionCancel(new CancellationReason(true, List.of()), true, "at_period_end", "none"), d.subscriptionUpdate());
    refused("parameter_missing", "features[subscription_cancel][cancellation_reason][options]", config(f, null));
  }

  @Test
  void headlineOfSixtyPassesSixtyOneIsRefused() {
    assertDoesNotThrow(() -> PortalConfigurationRules.validate(config(PortalConfiguration.defaultFeatures(), "h".repeat(60))));
    refused("string_length_exceeds_maximum", "business_profile[headline]", config(PortalConfiguration.defaultFeatures(), "h".repeat(61)));
  }
}
