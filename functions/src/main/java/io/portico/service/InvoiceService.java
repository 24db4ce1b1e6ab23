package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.Customer;
import io.portico.domain.Discount;
import io.portico.domain.Invoice;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.SubscriptionSchedule;
import io.portico.domain.billing.BillingPeriods;
import io.portico.domain.billing.LineItem;
import io.portico.domain.billing.Period;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.CustomerRepository;
import io.portico.store.InvoiceRepository;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.ProductRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/invoices}: list and read invoices, pay, finalize or void them, and preview the
 * invoice a subscription change would produce ({@code create_preview}).
 */
@Singleton
public class InvoiceService {
  /** Subscription statuses a paid latest invoice brings back to active. */
  private static final List<String> AWAITING_PAYMENT = List.of("incomplete", "past_due", "unpaid");

  private final InvoiceRepository invoices;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionService subscriptionService;
  private final CustomerRepository customers;
  private final ProductRepository products;
  private final Invoicing invoicing;
  private final Transactions transactions;
  private final InvoicePayments payments;
  private final SubscriptionDiscounts discounts;
  private final SchedulePhases schedulePhases;

  public InvoiceService(InvoiceRepository invoices, SubscriptionRepository subscriptions, SubscriptionService subscriptionService,
      CustomerRepository customers, ProductRepository products, Invoicing invoicing, Transactions transactions, InvoicePayments payments,
      SubscriptionDiscounts discounts, SchedulePhases schedulePhases) {
    this.discounts = discounts;
    this.schedulePhases = schedulePhases;
    this.payments = payments;
    this.invoices = invoices;
    this.subscriptions = subscriptions;
    this.subscriptionService = subscriptionService;
    this.customers = customers;
    this.products = products;
    this.invoicing = invoicing;
    this.transactions = transactions;
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    return ApiResponse.ok(find(req.context(), id).value());
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.none(req);
    String customer = p.nonEmptyString("customer", 5000);
    String subscription = p.nonEmptyString("subscription", 5000);
    String status = p.oneOf("status", Invoice.STATUSES);
    String collection = p.oneOf("collection_method", Subscription.COLLECTION_METHODS);
    ListRequest page = req.listRequest();
    p.rejectUnknown();
    // Every filter is applied while the list is read: filtering a page afterwards would return short or empty
    // pages that still say has_more, and cursor pagination would skip matching invoices.
    ListPage<Invoice> result = invoices.list(req.context().scope(), customer, subscription, status, collection, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/invoices"));
  }

  /**
   * A customer's finalized invoices, newest first, drafts left out (the customer portal's list).
   * The caller checks that cursors name the customer's own invoices.
   */
  public ApiResponse listFinalized(ApiRequest req, String customerId, String url) {
    Expansion.none(req);
    ListRequest page = req.listRequest();
    req.params().rejectUnknown();
    ListPage<Invoice> result = invoices.listFinalized(req.context().scope(), customerId, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), url));
  }

  /** Draft → open (or paid when nothing is due). Subscription invoices are finalized as they are created. */
  public ApiResponse finalizeInvoice(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    req.params().bool("auto_advance");
    req.params().rejectUnknown();
    return ApiResponse.ok(Checks.retryingConflicts(() -> {
      Versioned<Invoice> current = find(ctx, id);
      Invoice i = current.value();
      if (!i.status().equals("draft")) {
        throw ApiError.invalid("invoice_not_editable", null, "This invoice is already finalized (status " + i.status() + ").");
      }
      Invoice finalized = InvoiceStates.finalized(i, ctx.now().getEpochSecond());
      Changes changes = transactions.begin();
      invoices.stageReplace(changes, ctx.scope(), current, finalized, ctx.event("invoice.finalized", finalized, i));
      if (finalized.status().equals("paid")) changes.event(ctx.scope(), ctx.event("invoice.paid", finalized, null));
      changes.commit();
      return finalized;
    }));
  }

  /** Open → void: the invoice stays for the record but can no longer be paid. */
  public ApiResponse voidInvoice(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    req.params().rejectUnknown();
    return ApiResponse.ok(Checks.retryingConflicts(() -> {
      Versioned<Invoice> current = find(ctx, id);
      Invoice i = current.value();
      if (!i.status().equals("open")) {
        throw ApiError.invalid("invoice_not_open", null, "Only open invoices can be voided; this one is " + i.status() + ".");
      }
      Invoice voided = InvoiceStates.voided(i, ctx.now().getEpochSecond());
      Changes changes = transactions.begin();
      invoices.stageReplace(changes, ctx.scope(), current, voided, ctx.event("invoice.voided", voided, i));
      changes.commit();
      return voided;
    }));
  }

  /**
   * Pays an open invoice: {@code paid_out_of_band} records money received elsewhere. A paid latest
   * invoice brings its subscription back to active. The invoice's version check means two payments
   * racing for one invoice settle it once.
   */
  public ApiResponse pay(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    Params p = req.params();
    boolean outOfBand = Boolean.TRUE.equals(p.bool("paid_out_of_band"));
    String paymentMethod = Checks.id("payment_method", p.nonEmptyString("payment_method", 5000), "pm");
    p.rejectUnknown();
    if (!outOfBand) {
      Invoice i = find(ctx, id).value();
      requirePayable(i, id);
      if (i.amountRemaining() > 0) return ApiResponse.ok(payments.collect(ctx, id, paymentMethod, false));
    }
    return ApiResponse.ok(Checks.retryingConflicts(() -> {
      Versioned<Invoice> current = find(ctx, id);
      Invoice i = current.value();
      requirePayable(i, id);
      Invoice paid = InvoiceStates.paid(i, ctx.now().getEpochSecond(), outOfBand);
      Changes changes = transactions.begin();
      invoices.stageReplace(changes, ctx.scope(), current, paid, ctx.event("invoice.paid", paid, i));
      reactivate(changes, ctx, paid);
      changes.commit();
      return paid;
    }));
  }

  private static void requirePayable(Invoice i, String id) {
      switch (i.status()) {
        case "paid" -> throw ApiError.invalid("invoice_already_paid", null, "Invoice " + id + " is already paid.");
        case "void" -> throw ApiError.invalid("invoice_not_open", null, "Invoice " + id + " is void and cannot be paid.");
        case "draft" -> throw ApiError.invalid("invoice_not_open", null, "Invoice " + id + " is a draft; finalize it first.");
        default -> { }
      }
  }

  /** A paid latest invoice of an incomplete, past-due or unpaid subscription makes it active again. */
  private void reactivate(Changes changes, RequestContext ctx, Invoice paid) {
    if (paid.subscriptionId() == null) return;
    Versioned<Subscription> sub = subscriptions.find(ctx.scope(), paid.subscriptionId());
    if (sub == null || !paid.id().equals(sub.value().latestInvoice()) || !AWAITING_PAYMENT.contains(sub.value().status())) return;
    Subscription active = SubscriptionService.withStatus(sub.value(), "active", paid.id());
    subscriptions.stageReplace(changes, ctx.scope(), sub, active, ctx.event("customer.subscription.updated", active, sub.value()));
  }

  /**
   * {@code POST /v1/invoices/create_preview}: what the customer would be billed. With a
   * subscription change in {@code subscription_details} (items, proration_behavior,
   * proration_date, billing_cycle_anchor, trial_end) and {@code discounts}, the invoice it causes
   * now ({@code always_invoice}, interval changes, a trial ended) or, when its prorations wait, the
   * next renewal invoice including them. Nothing is written.
   */
  public ApiResponse createPreview(ApiRequest req) {
    ChangePreview preview = previewChange(req);
    return ApiResponse.ok(preview.now() != null ? preview.now() : preview.next());
  }

  /**
   * What a change would bill: {@code now}, the invoice it issues at once (null when its prorations
   * wait for the next invoice), and {@code next}, the next regular invoice after it (what
   * create_preview answers for the subscription once the change is made).
   */
  public record ChangePreview(Invoice now, Invoice next) {}

  /** The two invoices of {@link ChangePreview}, from create_preview's parameters; nothing is written. */
  public ChangePreview previewChange(ApiRequest req) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    Params p = req.params();
    String customerId = p.nonEmptyString("customer", 5000);
    String subscriptionId = p.nonEmptyString("subscription", 5000);
    Params details = p.object("subscription_details");
    if (subscriptionId == null) {
      throw ApiError.invalid("parameter_missing", "subscription", "Previews are for a subscription: pass subscription (and its changes in subscription_details).");
    }
    Versioned<Subscription> current = subscriptionService.find(ctx, subscriptionId, "subscription");
    if (current.value().status().equals("canceled")) {
      throw ApiError.invalid("subscription_ended", "subscription", "Subscription " + subscriptionId + " has ended: it will not invoice again.");
    }
    if (customerId != null && !customerId.equals(current.value().customerId())) {
      throw ApiError.invalid("parameter_invalid", "customer", "Subscription " + subscriptionId + " belongs to another customer.");
    }
    ctx = subscriptionService.timeOf(ctx, current.value().testClock());
    Params changes = details == null ? Params.empty() : details;
    // Stripe's discounts for the preview replace the subscription's, as discounts do on an update.
    SubscriptionService.PlannedChange plan = subscriptionService.plan(ctx, changes, p.has("discounts") ? p : changes, current);
    p.rejectUnknown();
    Versioned<Customer> customer = customers.find(ctx.scope(), current.value().customerId());
    if (details == null && !p.has("discounts")) {
      // No change asked: the next renewal, with the items a schedule switches to at this period's end.
      var scheduled = schedulePhases.nextPhaseItems(ctx, current.value());
      if (scheduled.isPresent()) {
        return new ChangePreview(null, renewal(ctx, customer, schedulePhases.switched(ctx, current.value(), scheduled.get()), List.of(),
            List.of(), true, Set.of()));
      }
    }
    Subscription next = plan.next();
    // The discounts the change starts, checked as the change would redeem them, in a unit of work never committed.
    List<Discount> started = discounts.stage(transactions.begin(), ctx, plan.discounts(), next);
    if (plan.invoiceNow()) {
      Invoice now = invoicing.preview(ctx, customer, next, "subscription_update", plan.charges(), plan.period(), started);
      // After it: the customer's balance as it leaves it, the pending items it collects gone, its once discounts used.
      Customer c = customer.value();
      Versioned<Customer> after = new Versioned<>(Invoicing.withSequenceAndBalance(c, c.nextInvoiceSequence() + 1, now.endingBalance(),
          c.currency() == null ? next.currency() : c.currency()), customer.version(), customer.createdMs(), false);
      return new ChangePreview(now, renewal(ctx, after, next, List.of(), started, false, Set.copyOf(now.discounts())));
    }
    return new ChangePreview(null, renewal(ctx, customer, next, plan.charges(), started, true, Set.of()));
  }

  /**
   * The renewal invoice at the end of subscription {@code subscriptionId}'s current period if
   * {@code items} replace its items then (a change scheduled for the period end, before its
   * schedule exists): what the billing clock will issue, and what create_preview answers once the
   * schedule is made. Nothing is written.
   */
  public Invoice previewAtPeriodEnd(RequestContext base, String subscriptionId, List<SubscriptionSchedule.PhaseItem> items) {
    Versioned<Subscription> current = subscriptionService.find(base, subscriptionId, "subscription");
    RequestContext ctx = subscriptionService.timeOf(base, current.value().testClock());
    Versioned<Customer> customer = customers.find(ctx.scope(), current.value().customerId());
    return renewal(ctx, customer, schedulePhases.switched(ctx, current.value(), items), List.of(), List.of(), true, Set.of());
  }

  /** The renewal invoice at the end of {@code s}'s current period: {@code waiting} prorations plus a full period of every item. */
  private Invoice renewal(RequestContext ctx, Versioned<Customer> customer, Subscription s, List<Invoicing.Charge> waiting,
      List<Discount> started, boolean withPending, Set<String> used) {
    List<Invoicing.Charge> charges = new ArrayList<>(waiting);
    SubscriptionItem first = s.items().data().get(0);
    Instant start = Instant.ofEpochSecond(first.currentPeriodEnd());
    Period renewal = new Period(start, BillingPeriods.periodEnd(Instant.ofEpochSecond(s.billingCycleAnchor()),
        SubscriptionItems.recurrence(first.price()), periodsSinceAnchor(s, first) + 1));
    for (SubscriptionItem item : s.items().data()) {
      Price price = item.price();
      var product = products.find(ctx.scope(), price.productId());
      charges.add(Invoicing.Charge.of(LineItem.forPeriod(SubscriptionItems.unitPrice(price), item.quantity(), renewal),
          SubscriptionItems.periodDescription(product == null ? null : product.value(), price, item.quantity()), price.id(), price.productId(),
          item.id()));
    }
    return invoicing.preview(ctx, customer, s, "subscription_cycle", charges, renewal, started, withPending, used);
  }

  /** How many whole periods lie between the anchor and the end of the current one. */
  private static long periodsSinceAnchor(Subscription s, SubscriptionItem item) {
    Instant anchor = Instant.ofEpochSecond(s.billingCycleAnchor());
    Instant end = Instant.ofEpochSecond(item.currentPeriodEnd());
    long n = 0;
    while (BillingPeriods.periodEnd(anchor, SubscriptionItems.recurrence(item.price()), n).isBefore(end)) n++;
    return n;
  }

  private Versioned<Invoice> find(RequestContext ctx, String id) {
    Versioned<Invoice> found = invoices.find(ctx.scope(), id);
    if (found == null) throw ApiError.noSuch("invoice", id, "id");
    return found;
  }
}
