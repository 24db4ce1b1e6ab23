package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.stripe.exception.StripeException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;

/** Checks shared by the stripe-java tests: the exact key set Stripe's schema gives an object, and Stripe's error fields. */
final class WireAsserts {
  private WireAsserts() {}

  /**
   * stripe-java cannot tell a missing field from a null one, but other clients can: an object must
   * carry exactly the keys of Stripe's schema (portal-schema.json), nulls written out.
   */
  static void assertKeys(JsonObject json, String... keys) {
    assertEquals(new TreeSet<>(Set.of(keys)), new TreeSet<>(json.keySet()), "keys of " + json);
  }

  /** Runs a call that must fail with {@code type}, and checks Stripe's error fields on it. */
  static <T extends StripeException> T assertStripeError(Class<T> type, int status, String code, String param, Executable call) {
    StripeException e = assertThrows(StripeException.class, call);
    T typed = assertInstanceOf(type, e, () -> "got " + e.getClass().getSimpleName() + ": " + e.getMessage());
    assertEquals(status, e.getStatusCode(), e.getMessage());
    assertEquals(code, e.getStripeError().getCode(), e.getMessage());
    assertEquals(param, e.getStripeError().getParam(), e.getMessage());
    return typed;
  }
}
