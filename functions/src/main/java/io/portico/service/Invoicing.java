package io.portico.service;

import io.portico.domain.Customer;
import io.portico.domain.Discount;
import io.portico.domain.Ids;
import io.portico.domain.Invoice;
import io.portico.domain.InvoiceItem;
import io.portico.domain.InvoiceLine;
import io.portico.domain.Subscription;
import io.portico.domain.billing.InvoiceMath;
import io.portico.domain.billing.LineItem;
import io.portico.domain.billing.Period;
import io.portico.store.Changes;
import io.portico.store.CustomerRepository;
import io.portico.store.InvoiceItemRepository;
import io.portico.store.InvoiceRepository;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns what a subscription owes into a finalized invoice, staged into the caller's unit of work:
 * the new charges plus the subscription's pending invoice items, discounts, the customer's balance,
 * a number from the customer's sequence, and a PDF link. Collecting the money is the caller's next step.
 */
@Singleton
public class Invoicing {
  private final CustomerRepository customers;
  private final InvoiceRepository invoices;
  private final InvoiceItemRepository invoiceItems;
  private final SubscriptionDiscounts discounts;

  public Invoicing(CustomerRepository customers, InvoiceRepository invoices, InvoiceItemRepository invoiceItems,
      SubscriptionDiscounts discounts) {
    this.customers = customers;
    this.invoices = invoices;
    this.invoiceItems = invoiceItems;
    this.discounts = discounts;
  }

  /** One thing to bill: a period of a price, or a proration (negative for a credit). */
  public record Charge(String description, long amount, long quantity, BigDecimal unitAmount, Period period, String price, String product,
      boolean proration, String subscriptionItem) {

    static Charge of(LineItem line, String description, String price, String product, String subscriptionItem) {
      return new Charge(description, line.amount(), line.quantity(), line.unitAmount(), line.period(), price, product, line.proration(),
          subscriptionItem);
    }
  }

  /**
   * Stages a finalized invoice for {@code subscription}: {@code charges} and, when
   * {@code withPending}, every pending item of the subscription. The customer (read at
   * {@code customer}'s version) gets its invoice sequence advanced and its balance applied. The
   * subscription's discounts that apply to {@code period} reduce it; {@code staged} are discounts
   * started in the same unit of work (not readable yet).
   */
  public Invoice stageSubscriptionInvoice(Changes changes, RequestContext ctx, Versioned<Customer> customer, Subscription subscription,
      String billingReason, List<Charge> charges, boolean withPending, Period period, List<Discount> staged) {
    return stageSubscriptionInvoice(changes, ctx, customer, subscription, billingReason, charges, withPending, period, staged, i -> i);
  }

  /** As above; {@code settle} turns the finalized invoice into what is stored (paid by a charge made before storing it). */
  public Invoice stageSubscriptionInvoice(Changes changes, RequestContext ctx, Versioned<Customer> customer, Subscription subscription,
      String billingReason, List<Charge> charges, boolean withPending, Period period, List<Discount> staged, UnaryOperator<Invoice> settle) {
    return compose(changes, ctx, customer, subscription, billingReason, charges, withPending, period, staged, false, settle);
  }

  /**
   * The invoice {@link #stageSubscriptionInvoice} would create, computed the same way but written
   * nowhere: a draft with an {@code upcoming_} id and no number (Stripe's create_preview).
   */
  public Invoice preview(RequestContext ctx, Versioned<Customer> customer, Subscription subscription, String billingReason,
      List<Charge> charges, Period period, List<Discount> staged) {
    return preview(ctx, customer, subscription, billingReason, charges, period, staged, true, Set.of());
  }

  /**
   * As above, for an invoice that comes after another one not written yet (the renewal after a
   * change invoiced now): {@code withPending} false when that one collects the pending items, and
   * {@code used} the discounts it uses (a once coupon then no longer applies).
   */
  public Invoice preview(RequestContext ctx, Versioned<Customer> customer, Subscription subscription, String billingReason,
      List<Charge> charges, Period period, List<Discount> staged, boolean withPending, Set<String> used) {
    return compose(null, ctx, customer, subscription, billingReason, charges, withPending, period, staged, used, true, i -> i);
  }

  private Invoice compose(Changes changes, RequestContext ctx, Versioned<Customer> customer, Subscription subscription, String billingReason,
      List<Charge> charges, boolean withPending, Period period, List<Discount> staged, boolean preview, UnaryOperator<Invoice> settle) {
    return compose(changes, ctx, customer, subscription, billingReason, charges, withPending, period, staged, Set.of(), preview, settle);
  }

  private Invoice compose(Changes changes, RequestContext ctx, Versioned<Customer> customer, Subscription subscription, String billingReason,
      List<Charge> charges, boolean withPending, Period period, List<Discount> staged, Set<String> used, boolean preview,
      UnaryOperator<Invoice> settle) {
    String invoiceId = preview ? "upcoming_" + Ids.newId("in") : Ids.newId("in");
    long now = ctx.now().getEpochSecond();
    List<InvoiceLine> lines = new ArrayList<>();
    List<LineItem> math = new ArrayList<>();
    // Oldest first, as Stripe lists them: the pending items of earlier changes, then this invoice's own charges.
    if (withPending) {
      for (Versioned<InvoiceItem> pending : invoiceItems.pending(ctx.scope(), subscription.id())) {
        InvoiceItem item = pending.value();
        Charge c = new Charge(item.description(), item.amount(), item.quantity(), new BigDecimal(item.pricing().unitAmountDecimal()),
            new Period(Instant.ofEpochSecond(item.period().start()), Instant.ofEpochSecond(item.period().end())),
            item.pricing().priceDetails().price(), item.pricing().priceDetails().product(), item.proration(),
            item.parent().subscriptionDetails().subscriptionItem());
        lines.add(line(ctx, invoiceId, subscription, c, item.id()));
        math.add(mathLine(c, subscription.currency()));
        if (!preview) {
          InvoiceItem invoiced = item.onInvoice(invoiceId);
          invoiceItems.stageReplace(changes, ctx.scope(), pending, invoiced, ctx.event("invoiceitem.updated", invoiced, item));
        }
      }
    }
    for (Charge c : charges) {
      lines.add(line(ctx, invoiceId, subscription, c, null));
      math.add(mathLine(c, subscription.currency()));
    }
    Customer c = customer.value();
    // The discounts in force when the invoice is drawn up: its period's start for a creation or a renewal, the
    // change itself for the invoice a change issues (so a promotion code given with an upgrade applies to its charge).
    Instant drawnUp = ctx.now();
    Period discounted = "subscription_update".equals(billingReason) && drawnUp.isAfter(period.start()) && drawnUp.isBefore(period.end())
        ? new Period(drawnUp, period.end()) : period;
    List<Discount> active = discounts.applying(ctx, subscription, staged, discounted, used);
    SubscriptionDiscounts.Applied applied = SubscriptionDiscounts.apply(active, lines, subscription.currency());
    lines = applied.lines();
    InvoiceMath.Totals totals = InvoiceMath.totals(subscription.currency(), math, applied.asCoupons(subscription.currency()), c.balance());
    List<Invoice.DiscountAmount> discountAmounts = applied.totals();
    boolean sendInvoice = "send_invoice".equals(subscription.collectionMethod());
    boolean settled = !preview && totals.amountDue() == 0;
    String pdfToken = Ids.random(32);
    Invoice invoice = new Invoice(invoiceId, c.address() == null ? null : c.address().country(), ctx.account().businessName(),
        totals.amountDue(), 0, settled ? totals.amountDue() : 0, settled ? 0 : totals.amountDue(), 0, null, 0, false, true,
        subscription.automaticTax(), null, billingReason, subscription.collectionMethod(), now, subscription.currency(), c.id(), c.address(),
        c.email(), c.name(), c.phone(), c.shipping(), c.taxExempt(), List.of(), subscription.defaultPaymentMethod(), subscription.description(),
        active.stream().map(Discount::id).toList(),
        sendInvoice ? now + 86_400L * (subscription.daysUntilDue() == null ? 30 : subscription.daysUntilDue()) : null, now,
        totals.endingBalance(), c.invoiceSettings().footer(), null, preview ? null : ctx.baseUrl() + "/p/invoice_pdf/" + pdfToken,
        new Subscription.Issuer("self"), null, new Invoice.Lines(lines, false, "/v1/invoices/" + invoiceId + "/lines"),
        ctx.scope().livemode(), Map.of(), null, preview ? null : c.invoicePrefix() + "-" + String.format("%04d", c.nextInvoiceSequence()),
        new Invoice.Parent(null, new Invoice.SubscriptionDetails(subscription.metadata(), subscription.id(), null), "subscription_details"),
        period.end().getEpochSecond(), period.start().getEpochSecond(), 0, 0, c.balance(), preview ? "draft" : settled ? "paid" : "open",
        new Invoice.StatusTransitions(preview ? null : now, null, settled ? now : null, null), totals.subtotal(), totals.subtotal(), subscription.testClock(),
        totals.total(), discountAmounts, totals.total(), List.of(), List.of());
    if (preview) return invoice;
    invoice = settle.apply(invoice);
    // A customer's currency is fixed by its first invoice, as in Stripe.
    Customer advanced = withSequenceAndBalance(c, c.nextInvoiceSequence() + 1, totals.endingBalance(),
        c.currency() == null ? subscription.currency() : c.currency());
    customers.stageReplace(changes, ctx.scope(), customer, advanced, ctx.event("customer.updated", advanced, c));
    invoices.stageInsert(changes, ctx.scope(), invoice, ctx.now().toEpochMilli(), ctx.event("invoice.created", invoice, null));
    invoices.stagePdfToken(changes, ctx.scope(), pdfToken, invoiceId);
    return invoice;
  }

  /** Whether the subscription has invoice items waiting for its next invoice. */
  public boolean hasPending(RequestContext ctx, String subscription) {
    return !invoiceItems.pending(ctx.scope(), subscription).isEmpty();
  }

  /** Stages proration lines as pending items for the subscription's next invoice ({@code create_prorations}). */
  public void stagePending(Changes changes, RequestContext ctx, Subscription subscription, List<Charge> charges) {
    long createdMs = ctx.now().toEpochMilli();
    for (Charge c : charges) {
      InvoiceItem item = new InvoiceItem(Ids.newId("ii"), c.amount(), subscription.currency(), subscription.customerId(),
          ctx.now().getEpochSecond(), c.description(), true, List.of(), null, ctx.scope().livemode(), Map.of(),
          new InvoiceItem.Parent(new InvoiceItem.SubscriptionDetails(subscription.id(), c.subscriptionItem()), "subscription_details"),
          period(c), pricing(c), c.proration(), c.quantity(), subscription.testClock());
      // One millisecond apart: the pending partition is sorted by creation time, then by (random) id, so items
      // of one change sharing a millisecond would come back in any order; this keeps credit before charge.
      invoiceItems.stageInsert(changes, ctx.scope(), item, createdMs++, ctx.event("invoiceitem.created", item, null));
    }
  }

  private static InvoiceLine line(RequestContext ctx, String invoiceId, Subscription s, Charge c, String invoiceItem) {
    return new InvoiceLine(Ids.newId("il"), c.amount(), s.currency(), c.description(), List.of(), true, List.of(), invoiceId,
        ctx.scope().livemode(), Map.of(),
        new InvoiceLine.Parent(null, new InvoiceLine.SubscriptionItemDetails(invoiceItem, c.proration(), null, s.id(), c.subscriptionItem()),
            "subscription_item_details"),
        period(c), List.of(), pricing(c), c.quantity(), s.id(), c.amount(), List.of());
  }

  private static InvoiceLine.Period period(Charge c) {
    return new InvoiceLine.Period(c.period().end().getEpochSecond(), c.period().start().getEpochSecond());
  }

  private static InvoiceLine.Pricing pricing(Charge c) {
    return new InvoiceLine.Pricing(new InvoiceLine.PriceDetails(c.price(), c.product()), "price_details", c.unitAmount().toPlainString());
  }

  private static LineItem mathLine(Charge c, String currency) {
    LineItem.Kind kind = !c.proration() ? LineItem.Kind.PERIOD : c.amount() < 0 ? LineItem.Kind.UNUSED_TIME : LineItem.Kind.REMAINING_TIME;
    return new LineItem(kind, c.amount(), currency, c.period(), c.quantity(), c.unitAmount());
  }

  static Customer withSequenceAndBalance(Customer c, long nextSequence, long balance, String currency) {
    return new Customer(c.id(), c.address(), balance, c.created(), currency, c.defaultSource(), c.delinquent(), c.description(),
        c.discount(), c.email(), c.invoicePrefix(), c.invoiceSettings(), c.livemode(), c.metadata(), c.name(), nextSequence, c.phone(),
        c.preferredLocales(), c.shipping(), c.taxExempt(), c.testClock());
  }
}
