/**
 * Payment methods in plain Java: which types pay in which currencies where (the seed's table),
 * what a card or bank account number tells by itself, and the {@link
 * io.portico.domain.payments.PaymentProvider} that holds the secrets, with the built-in {@link
 * io.portico.domain.payments.TestPaymentProvider}. No I/O, no clock, no framework.
 *
 * <p>House rule: a full card or account number lives only in the request that carries it. What is
 * kept is what Stripe shows (brand, last four digits, expiry, bank codes) and a keyed fingerprint;
 * no message, exception or {@code toString} repeats a number.
 */
package io.portico.domain.payments;
