/**
 * The customer portal's decision rules (seed {@code 001}, "Einschränkungen des Kundenportals", and
 * SPEC.md "Rules and limitations the portal enforces"), as plain Java: what a customer may do with
 * a subscription, whether a plan change is allowed and when it takes effect, whether a payment
 * method may be removed, and whether a cancellation reason is valid. Every refusal is a
 * {@link io.portico.domain.portal.Reason}: a stable code the UI localizes and an English sentence.
 */
package io.portico.domain.portal;
