package io.portico.config;

import io.micronaut.context.annotation.Factory;
import io.portico.domain.payments.PaymentProvider;
import io.portico.domain.payments.TestPaymentProvider;
import jakarta.inject.Singleton;

/** The payment provider every service shares: the built-in test provider (the only one so far). */
@Factory
public class PaymentsFactory {
  @Singleton
  PaymentProvider paymentProvider() {
    return new TestPaymentProvider();
  }
}
