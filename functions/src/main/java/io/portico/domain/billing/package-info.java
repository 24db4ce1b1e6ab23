/**
 * Billing arithmetic, in plain Java: currencies, billing periods, proration, coupons and invoice
 * totals. No I/O, no clock (every instant is passed in), no framework.
 *
 * <p>House rules, applied everywhere in this package:
 * <ul>
 *   <li>Money is a {@code long} in the currency's minor unit (cents, yen, fils) next to its
 *       lower-case ISO code, as on Stripe's wire.</li>
 *   <li>Fractions are kept exact ({@link java.math.BigDecimal}) and rounded once, half-up, when a
 *       line item's amount (or a discount's amount) is fixed: Kill Bill's rule. Half-up means half
 *       away from zero, so a credit is the exact mirror of the matching charge.</li>
 *   <li>Calendar arithmetic is in UTC, to the second (Stripe's timestamps are Unix seconds).</li>
 * </ul>
 */
package io.portico.domain.billing;
