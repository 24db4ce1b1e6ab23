package io.portico.service;

import io.portico.domain.Customer;
import io.portico.domain.Invoice;
import io.portico.domain.PaymentMethod;
import io.portico.domain.Subscription;
import io.portico.domain.payments.ChargeResult;
import io.portico.domain.payments.PaymentProvider;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.CustomerRepository;
import io.portico.store.InvoiceRepository;
import io.portico.store.PaymentMethodRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects invoices through the payment provider, never twice: a collection first claims the
 * invoice (its version, plus a short-lived lock item), then charges with the idempotency key
 * {@code <invoice>:<attempt>}, then settles — paid (a waiting subscription becomes active) or
 * failed (the attempt is counted, the next one scheduled, the subscription past due; after the
 * last retry the subscription is canceled or marked unpaid, per the account's setting).
 */
@Singleton
public class InvoicePayments {
  /** Gaps between automatic attempts after a failure: retried 1, 3, 5 and 7 days after the first failure. */
  static final List<Duration> RETRY_GAPS = List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(2));

  private final InvoiceRepository invoices;
  private final SubscriptionRepository subscriptions;
  private final CustomerRepository customers;
  private final PaymentMethodRepository paymentMethods;
  private final PaymentProvider provider;
  private final Transactions transactions;

  public InvoicePayments(InvoiceRepository invoices, SubscriptionRepository subscriptions, CustomerRepository customers,
      PaymentMethodRepository paymentMethods, PaymentProvider provider, Transactions transactions) {
    this.invoices = invoices;
    this.subscriptions = subscriptions;
    this.customers = customers;
    this.paymentMethods = paymentMethods;
    this.provider = provider;
    this.transactions = transactions;
  }

  /**
   * The payment method to charge: the one named (it must be the customer's), else the
   * subscription's default, else the customer's invoice default; null when there is none.
   */
  public PaymentMethod paymentMethodFor(RequestContext ctx, String customerId, String subscriptionDefault, String named, String param) {
    return paymentMethodFor(ctx, customerId, () -> customers.find(ctx.scope(), customerId), subscriptionDefault, named, param);
  }

  /** The same, for a caller that has just read the customer: no second read. */
  public PaymentMethod paymentMethodFor(RequestContext ctx, Versioned<Customer> customer, String named, String param) {
    return paymentMethodFor(ctx, customer.value().id(), () -> customer, null, named, param);
  }

  private PaymentMethod paymentMethodFor(RequestContext ctx, String customerId, Supplier<Versioned<Customer>> customerRead,
      String subscriptionDefault, String named, String param) {
    String id = named != null ? named : subscriptionDefault;
    if (id == null) {
      Versioned<Customer> customer = customerRead.get();
      id = customer == null ? null : customer.value().invoiceSettings().defaultPaymentMethod();
    }
    if (id == null) return null;
    Versioned<PaymentMethod> pm = paymentMethods.find(ctx.scope(), id);
    if (pm == null || pm.deleted() || !customerId.equals(customerOf(pm.value()))) {
      if (named == null) return null; // a stale default: as if there were none
      throw ApiError.noSuch("payment_method", id, param).asBadRequest();
    }
    return pm.value();
  }

  /**
   * Charges a new invoice (not yet stored) once per {@code key}; the caller stores it with the
   * outcome applied by {@link #settled}.
   */
  public ChargeResult chargeNew(RequestContext ctx, Invoice invoice, PaymentMethod pm, String key) {
    return provider.charge(ctx.scope().accountId(), pm, invoice.amountRemaining(), invoice.currency(), key);
  }

  /** {@code invoice} after a collection attempt at {@code ctx.now()} ended with {@code result}. */
  static Invoice settled(RequestContext ctx, Invoice invoice, ChargeResult result) {
    long now = ctx.now().getEpochSecond();
    if (result instanceof ChargeResult.Succeeded) return InvoiceStates.paid(invoice, now, false);
    Invoice failed = InvoiceStates.attemptFailed(invoice);
    int failures = (int) failed.attemptCount();
    Long next = failures <= RETRY_GAPS.size() && "charge_automatically".equals(invoice.collectionMethod())
        ? Long.valueOf(now + RETRY_GAPS.get(failures - 1).toSeconds()) : null;
    return InvoiceStates.withNextPaymentAttempt(failed, next);
  }

  /**
   * Collects open invoice {@code invoiceId} now. {@code named}: a payment method the caller chose
   * (the pay endpoint); {@code automatic}: the billing clock or a subscription change collecting it.
   * Returns the invoice as settled; a failed attempt by a caller (not automatic) throws its card error
   * after recording it.
   */
  public Invoice collect(RequestContext ctx, String invoiceId, String named, boolean automatic) {
    Versioned<Invoice> current = invoices.find(ctx.scope(), invoiceId);
    if (current == null) throw ApiError.noSuch("invoice", invoiceId, "id");
    Invoice open = current.value();
    if (!open.status().equals("open")) {
      // A payer who read it open a moment ago lost the race: say so, rather than report the winner's payment as theirs.
      if (!automatic && open.status().equals("paid")) throw ApiError.invalid("invoice_already_paid", null, "Invoice " + invoiceId + " is already paid.");
      return open;
    }
    Versioned<Subscription> sub = open.subscriptionId() == null ? null : subscriptions.find(ctx.scope(), open.subscriptionId());
    PaymentMethod pm = paymentMethodFor(ctx, open.customer(), sub == null ? null : sub.value().defaultPaymentMethod(), named, "payment_method");
    if (pm == null) {
      if (automatic) return open;
      throw new ApiError(402, ApiError.CARD, "payment_method_required", "payment_method",
          "The customer has no payment method to charge for invoice " + invoiceId + ": pass payment_method, or paid_out_of_band=true.");
    }
    // Claim: the invoice at the version read, and a lock no one else holds. Losing means someone else is collecting.
    Changes claim = transactions.begin();
    invoices.stageCollectionLock(claim, ctx.scope(), current, ctx.now());
    try {
      claim.commit();
    } catch (ConcurrentUpdateException e) {
      Versioned<Invoice> now = invoices.find(ctx.scope(), invoiceId);
      if (now != null && now.value().status().equals("paid")) throw ApiError.invalid("invoice_already_paid", null, "Invoice " + invoiceId + " is already paid.");
      throw new ApiError(409, ApiError.INVALID_REQUEST, "invoice_payment_in_progress", null,
          "Invoice " + invoiceId + " is being paid by another request right now.");
    }
    ChargeResult result = provider.charge(ctx.scope().accountId(), pm, open.amountRemaining(), open.currency(),
        invoiceId + ":" + (open.attemptCount() + 1));
    Invoice settled = Checks.retryingConflicts(() -> settle(ctx, invoiceId, result, automatic));
    if (!automatic && !(result instanceof ChargeResult.Succeeded)) throw result.error();
    return settled;
  }

  /** Writes the outcome of a collection and releases the claim, with what it means for the subscription. */
  private Invoice settle(RequestContext ctx, String invoiceId, ChargeResult result, boolean automatic) {
    Versioned<Invoice> current = invoices.find(ctx.scope(), invoiceId);
    Invoice before = current.value();
    Invoice after = settled(ctx, before, result);
    if (!automatic && !(result instanceof ChargeResult.Succeeded)) after = InvoiceStates.withNextPaymentAttempt(after, before.nextPaymentAttempt());
    Changes changes = transactions.begin();
    boolean paid = after.status().equals("paid");
    invoices.stageReplace(changes, ctx.scope(), current, after, ctx.event(paid ? "invoice.paid" : "invoice.payment_failed", after, before));
    changes.event(ctx.scope(), ctx.event(paid ? "invoice.payment_succeeded" : "invoice.updated", after, null));
    invoices.stageCollectionUnlock(changes, ctx.scope(), invoiceId);
    stageSubscriptionOutcome(changes, ctx, after, automatic);
    changes.commit();
    return after;
  }

  /**
   * A paid latest invoice makes a waiting subscription active. A failed automatic one makes it past
   * due; once no retry is left, canceled or unpaid as the account chose.
   */
  private void stageSubscriptionOutcome(Changes changes, RequestContext ctx, Invoice invoice, boolean automatic) {
    if (invoice.subscriptionId() == null) return;
    Versioned<Subscription> current = subscriptions.find(ctx.scope(), invoice.subscriptionId());
    if (current == null) return;
    Subscription s = current.value();
    boolean latest = invoice.id().equals(s.latestInvoiceId());
    boolean exhausted = !invoice.status().equals("paid") && automatic && invoice.nextPaymentAttempt() == null;
    // Only the latest invoice moves a subscription between active and past due; running out of retries
    // on any of its invoices ends it (a renewal may have issued a newer invoice meanwhile).
    if (!latest && !exhausted) return;
    Subscription next;
    if (invoice.status().equals("paid")) {
      if (!List.of("incomplete", "past_due", "unpaid").contains(s.status())) return;
      next = SubscriptionService.withStatus(s, "active", invoice.id());
    } else if (!automatic || s.status().equals("incomplete") || s.status().equals("canceled")) {
      return; // an incomplete subscription waits for its first payment or expires; a failed manual attempt changes nothing else
    } else if (invoice.nextPaymentAttempt() != null) {
      if (s.status().equals("past_due")) return;
      next = SubscriptionService.withStatus(s, "past_due", invoice.id());
    } else if ("mark_unpaid".equals(ctx.account().failedPaymentBehavior())) {
      if (s.status().equals("unpaid")) return;
      next = SubscriptionService.withStatus(s, "unpaid", invoice.id());
    } else {
      next = SubscriptionService.ended(s, ctx.now().getEpochSecond(),
          new Subscription.CancellationDetails(s.cancellationDetails().comment(), s.cancellationDetails().feedback(), "payment_failed"));
      subscriptions.stageReplace(changes, ctx.scope(), current, next, ctx.event("customer.subscription.deleted", next, s));
      return;
    }
    subscriptions.stageReplace(changes, ctx.scope(), current, next, ctx.event("customer.subscription.updated", next, s));
  }

  private static String customerOf(PaymentMethod pm) {
    return pm.customer() instanceof Customer c ? c.id() : (String) pm.customer();
  }
}
