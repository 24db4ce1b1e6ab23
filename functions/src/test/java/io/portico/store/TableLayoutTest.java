package io.portico.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TableLayoutTest {
  @Test
  void merchantNamedIdsAreKeyedWithinTheirScope() {
    assertEquals("coupon#acct_1:test#SUMMER", TableLayout.objectPk("acct_1:test", "coupon", "SUMMER"));
    assertEquals("coupon#acct_1:live#SUMMER", TableLayout.objectPk("acct_1:live", "coupon", "SUMMER"));
    assertEquals("cus_123", TableLayout.objectPk("acct_1:test", "customer", "cus_123")); // random ids are global
  }

  @Test
  void promotionCodeMarkersIgnoreCase() {
    assertEquals(TableLayout.promotionCodePk("acct_1:test", "summer"), TableLayout.promotionCodePk("acct_1:test", "SUMMER"));
  }
}
