package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PaymentMethod;
import io.portico.domain.Scope;

/**
 * Payment methods, listed per customer through {@value TableLayout#BY_LOOKUP}. A detached payment
 * method is kept as a tombstone ({@link Versioned#deleted()} true): Stripe still retrieves it, but it
 * can never be attached again and it leaves every list.
 */
public interface PaymentMethodRepository {
  /** The payment method (a detached one too, see above); null when unknown in this scope. */
  Versioned<PaymentMethod> find(Scope scope, String id);

  /** {@code event} may be null: Stripe announces no creation of a payment method, only its attachment. */
  void stageInsert(Changes changes, Scope scope, PaymentMethod paymentMethod, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<PaymentMethod> previous, PaymentMethod paymentMethod, Event event);

  /** Stages the detachment: {@code detached} (without its customer) replaces {@code previous} as a tombstone. */
  void stageDetach(Changes changes, Scope scope, Versioned<PaymentMethod> previous, PaymentMethod detached, Event event);

  /** Stages a condition: the payment method must still be as read (not detached or moved meanwhile). */
  void stageUnchanged(Changes changes, Versioned<PaymentMethod> read);

  /**
   * Newest first; {@code customer} (may be null: the whole account) narrows to one customer's
   * payment methods, {@code type} and {@code allowRedisplay} (may be null) filter.
   */
  ListPage<PaymentMethod> list(Scope scope, String customer, String type, String allowRedisplay, ListRequest request);
}
