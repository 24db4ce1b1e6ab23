package io.portico.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DataFilterTest {
  @Test
  void nothingAskedForIsNoFilter() {
    assertNull(new DataFilter().eq("active", null).within("created", null).build());
    assertNull(new DataFilter().within("created", new TimeRange(null, null, null, null)).build());
  }

  @Test
  void equalityAndTimeBoundsOnTheStoredObject() {
    Expression e = new DataFilter().eq("promotion.coupon", "TEN").within("created", new TimeRange(null, 100L, 200L, null)).build();
    assertEquals("#d.#f0.#f1 = :v0 AND #d.#f2 >= :v1 AND #d.#f3 < :v2", e.expression());
    assertEquals("data", e.expressionNames().get("#d"));
    assertEquals("coupon", e.expressionNames().get("#f1"));
    assertEquals("created", e.expressionNames().get("#f3"));
    assertEquals(AttributeValue.fromS("TEN"), e.expressionValues().get(":v0"));
    assertEquals(AttributeValue.fromN("200"), e.expressionValues().get(":v2"));
  }
}
