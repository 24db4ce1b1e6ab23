package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.Customer;
import io.portico.domain.Discount;
import io.portico.domain.Ids;
import io.portico.domain.Invoice;
import io.portico.domain.Metadata;
import io.portico.domain.PaymentMethod;
import io.portico.domain.payments.ChargeResult;
import io.portico.domain.Price;
import io.portico.domain.Product;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.SubscriptionSchedule;
import io.portico.domain.TestClock;
import io.portico.domain.billing.BillingPeriods;
import io.portico.domain.billing.LineItem;
import io.portico.domain.billing.Period;
import io.portico.domain.billing.Proration;
import io.portico.domain.billing.ProrationBehavior;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.CustomerRepository;
import io.portico.store.InvoiceRepository;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.PriceRepository;
import io.portico.store.ProductRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.SubscriptionScheduleRepository;
import io.portico.store.TestClockRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code /v1/subscriptions}: start, change and cancel a customer's subscription, invoicing as
 * Stripe does — the first period at creation, prorations for mid-period changes (pending for the
 * next invoice, or invoiced at once with {@code always_invoice} or an interval change), a trial
 * ended by a price or quantity change (the seed's rule).
 */
@Singleton
public class SubscriptionService {
  static final List<String> PAYMENT_BEHAVIORS = List.of("allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete");
  private static final List<String> EXPANDABLE = List.of("latest_invoice", "customer");
  private static final int MAX_ITEMS = 20;

  private final SubscriptionRepository subscriptions;
  private final CustomerRepository customers;
  private final PriceRepository prices;
  private final ProductRepository products;
  private final InvoiceRepository invoices;
  private final Invoicing invoicing;
  private final Transactions transactions;
  private final TestClockRepository testClocks;
  private final InvoicePayments payments;
  private final SubscriptionScheduleRepository schedules;
  private final SubscriptionDiscounts discounts;

  public SubscriptionService(SubscriptionRepository subscriptions, CustomerRepository customers, PriceRepository prices,
      ProductRepository products, InvoiceRepository invoices, Invoicing invoicing, Transactions transactions, TestClockRepository testClocks,
      InvoicePayments payments, SubscriptionScheduleRepository schedules, SubscriptionDiscounts discounts) {
    this.discounts = discounts;
    this.testClocks = testClocks;
    this.payments = payments;
    this.schedules = schedules;
    this.subscriptions = subscriptions;
    this.customers = customers;
    this.prices = prices;
    this.products = products;
    this.invoices = invoices;
    this.invoicing = invoicing;
    this.transactions = transactions;
  }

  // ---- create --------------------------------------------------------------------------------

  public ApiResponse create(ApiRequest req) {
    Params p = req.params();
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    String customerId = p.requiredString("customer", 5000);
    Versioned<Customer> customer = customers.find(req.context().scope(), customerId);
    if (customer == null || customer.deleted()) throw ApiError.noSuch("customer", customerId, "customer").asBadRequest();
    // A customer on a test clock lives at the clock's time, and so does everything it subscribes to.
    RequestContext ctx = timeOf(req.context(), customer.value().testClock());
    List<Params> itemParams = p.objectList("items");
    if (itemParams == null || itemParams.isEmpty()) throw ApiError.missing("items");
    if (itemParams.size() > MAX_ITEMS) throw ApiError.invalid("parameter_invalid", "items", "A subscription can have at most " + MAX_ITEMS + " items.");
    List<NewItem> requested = new ArrayList<>();
    for (Params i : itemParams) requested.add(newItem(ctx, i));
    requireOneCurrencyAndInterval(requested);
    String requestedCollection = p.oneOf("collection_method", Subscription.COLLECTION_METHODS);
    String collection = requestedCollection == null ? "charge_automatically" : requestedCollection;
    Long daysUntilDue = daysUntilDue(p, collection);
    Instant now = ctx.now();
    Instant trialEnd = trialEnd(p, now);
    Long anchorParam = p.integer("billing_cycle_anchor", now.getEpochSecond() + 1, Long.MAX_VALUE);
    if (anchorParam != null && trialEnd != null) {
      throw ApiError.invalid("parameter_invalid", "billing_cycle_anchor", "A trial already sets the billing cycle anchor (to the trial's end); give one or the other.");
    }
    String anchorProration = p.oneOf("proration_behavior", List.of("create_prorations", "none"));
    boolean cancelAtPeriodEnd = Boolean.TRUE.equals(p.bool("cancel_at_period_end"));
    Long cancelAt = p.integer("cancel_at", now.getEpochSecond() + 1, Long.MAX_VALUE);
    if (cancelAt != null && cancelAtPeriodEnd) {
      throw ApiError.invalid("parameters_exclusive", "cancel_at", "Give cancel_at or cancel_at_period_end, not both.");
    }
    String description = p.nonEmptyString("description", 500);
    String defaultPaymentMethod = Checks.id("default_payment_method", p.nonEmptyString("default_payment_method", 5000), "pm");
    String paymentBehavior = p.oneOf("payment_behavior", PAYMENT_BEHAVIORS);
    Map<String, String> metadata = p.has("metadata") ? Metadata.apply(Map.of(), p.stringMap("metadata"), false, "metadata") : Map.of();
    SubscriptionDiscounts.Change discountChange = SubscriptionDiscounts.plan(SubscriptionDiscounts.requested(p), List.of());
    p.rejectUnknown();

    // Invoicing advances the customer's invoice sequence and balance from the version read here: when another
    // request invoices the same customer first, the commit fails, and the creation is worked out again from the
    // fresh customer (as updates and cancellations are) rather than refused.
    // A named default must be one of the customer's payment methods; without one, the customer's default pays.
    PaymentMethod pm = defaultPaymentMethod != null || collection.equals("charge_automatically")
        ? payments.paymentMethodFor(ctx, customer, defaultPaymentMethod, "default_payment_method") : null;
    // The first attempt works from the customer read above; only a retry after a conflict reads it again.
    AtomicReference<Versioned<Customer>> firstRead = new AtomicReference<>(customer);
    return Checks.retryingConflicts(() -> {
      Versioned<Customer> unused = firstRead.getAndSet(null);
      Versioned<Customer> fresh = unused != null ? unused : customers.find(ctx.scope(), customerId);
      if (fresh == null || fresh.deleted()) throw ApiError.noSuch("customer", customerId, "customer").asBadRequest();

      String id = Ids.newId("sub");
      Price first = requested.get(0).price();
      Instant anchor = trialEnd != null ? trialEnd : anchorParam != null ? Instant.ofEpochSecond(anchorParam) : now;
      Period period = trialEnd != null ? new Period(now, trialEnd)
          : anchorParam != null ? new Period(now, anchor)
          : new Period(now, BillingPeriods.periodEnd(anchor, SubscriptionItems.recurrence(first), 1));
      List<SubscriptionItem> items = new ArrayList<>();
      List<Invoicing.Charge> charges = new ArrayList<>();
      for (NewItem n : requested) {
        SubscriptionItem item = new SubscriptionItem(Ids.newId("si"), now.getEpochSecond(), period.end().getEpochSecond(),
            period.start().getEpochSecond(), List.of(), n.metadata(), n.price(), n.quantity(), id, List.of());
        items.add(item);
        charges.add(firstCharge(n, item, period, now, trialEnd != null, anchorParam != null, "none".equals(anchorProration)));
      }
      Subscription draft = new Subscription(id, null, new Subscription.AutomaticTax(null, false, null), anchor.getEpochSecond(), null,
          cancelAtPeriodEnd ? Long.valueOf(period.end().getEpochSecond()) : cancelAt, cancelAtPeriodEnd, null, Subscription.CancellationDetails.NONE,
          collection,
          now.getEpochSecond(), first.currency(), customerId, daysUntilDue, defaultPaymentMethod, null, List.of(), description,
          discountChange.ids(), null,
          new Subscription.InvoiceSettings(null, new Subscription.Issuer("self")),
          new Subscription.Items(items, false, "/v1/subscription_items?subscription=" + id), null, ctx.scope().livemode(), metadata, null, null,
          null, new Subscription.PaymentSettings(null, null, "off"), null, null, null, null, now.getEpochSecond(),
          trialEnd != null ? "trialing" : "active", fresh.value().testClock(), null, trialEnd == null ? null : trialEnd.getEpochSecond(),
          new Subscription.TrialSettings(new Subscription.EndBehavior("create_invoice")), trialEnd == null ? null : now.getEpochSecond());

      Changes changes = transactions.begin();
      List<Discount> started = discounts.stage(changes, ctx, discountChange, draft);
      // The first invoice is charged before anything is stored, so a refusal under error_if_incomplete leaves nothing
      // behind; the charge's key is the request's, so a retry of this block after a conflict does not charge again.
      ChargeResult[] charge = new ChargeResult[1];
      Invoice invoice = invoicing.stageSubscriptionInvoice(changes, ctx, fresh, draft, "subscription_create", charges, false, period, started,
          open -> {
            if (pm == null || !open.status().equals("open") || !collection.equals("charge_automatically")) return open;
            charge[0] = payments.chargeNew(ctx, open, pm, ctx.requestId() + ":first_invoice");
            return InvoicePayments.settled(ctx, open, charge[0]);
          });
      changes.event(ctx.scope(), ctx.event("invoice.finalized", invoice, null));
      if (invoice.status().equals("paid")) changes.event(ctx.scope(), ctx.event("invoice.paid", invoice, null));
      else if (charge[0] != null) changes.event(ctx.scope(), ctx.event("invoice.payment_failed", invoice, null));
      // Money still owed by an automatically charged subscription: it stays incomplete until the invoice is paid.
      String status = invoice.status().equals("paid") || collection.equals("send_invoice") ? draft.status() : "incomplete";
      if (status.equals("incomplete") && "error_if_incomplete".equals(paymentBehavior)) {
        if (charge[0] != null) throw charge[0].error();
        throw new ApiError(402, ApiError.CARD, "payment_method_required", "default_payment_method",
            "The first invoice (" + invoice.amountDue() + " " + invoice.currency() + ") could not be paid: the customer has no payment"
                + " method to charge, and payment_behavior=error_if_incomplete.");
      }
      Subscription created = withStatus(draft, status, invoice.id());
      subscriptions.stageInsert(changes, ctx.scope(), created, now.toEpochMilli(), ctx.event("customer.subscription.created", created, null));
      changes.commit();
      return ApiResponse.ok(expand(ctx, created, expand, invoice));
    });
  }

  private record NewItem(Price price, Product product, long quantity, Map<String, String> metadata, String param) {}

  private NewItem newItem(RequestContext ctx, Params i) {
    String priceId = i.requiredString("price", 5000);
    Long quantity = i.integer("quantity", 0, 1_000_000);
    Map<String, String> metadata = i.has("metadata") ? Metadata.apply(Map.of(), i.stringMap("metadata"), false, i.path("metadata")) : Map.of();
    Price price = requirePrice(ctx, priceId, i.path("price"));
    return new NewItem(price, product(ctx, price), quantity == null ? 1 : quantity, metadata, i.prefix());
  }

  Price requirePrice(RequestContext ctx, String priceId, String param) {
    Versioned<Price> found = prices.find(ctx.scope(), priceId);
    if (found == null) throw ApiError.noSuch("price", priceId, param).asBadRequest();
    Price price = found.value();
    if (!price.active()) throw ApiError.invalid("price_inactive", param, "The price " + priceId + " is archived (active=false); only active prices can be subscribed to.");
    if (price.recurring() == null) {
      throw ApiError.invalid("parameter_invalid", param, "The price " + priceId + " is a one-time price; subscription items need recurring prices.");
    }
    if ("metered".equals(price.recurring().usageType())) {
      throw ApiError.invalid("parameter_invalid", param, "Metered prices are not supported: usage reporting is not part of this deployment.");
    }
    return price;
  }

  private Product product(RequestContext ctx, Price price) {
    Versioned<Product> p = products.find(ctx.scope(), price.productId());
    return p == null ? null : p.value();
  }

  private static void requireOneCurrencyAndInterval(List<NewItem> items) {
    Price first = items.get(0).price();
    Set<String> seen = new HashSet<>();
    for (NewItem n : items) {
      if (!seen.add(n.price().id())) {
        throw ApiError.invalid("parameter_invalid", n.param() + "[price]", "The price " + n.price().id() + " is on two items; use one item with a quantity.");
      }
      if (!n.price().currency().equals(first.currency())) {
        throw ApiError.invalid("parameter_invalid", n.param() + "[price]", "All items of a subscription bill in one currency; "
            + n.price().id() + " is in " + n.price().currency() + ", not " + first.currency() + ".");
      }
      if (!SubscriptionItems.recurrence(n.price()).equals(SubscriptionItems.recurrence(first))) {
        throw ApiError.invalid("parameter_invalid", n.param() + "[price]", "All items of a subscription share one billing interval; "
            + n.price().id() + " bills " + n.price().intervalAndCurrency() + ", the first item " + first.intervalAndCurrency() + ".");
      }
    }
  }

  /** The first invoice's line for an item: free during a trial, prorated up to a future anchor, else a full period. */
  private static Invoicing.Charge firstCharge(NewItem n, SubscriptionItem item, Period period, Instant now, boolean trial, boolean anchored,
      boolean noProration) {
    LineItem full = LineItem.forPeriod(SubscriptionItems.unitPrice(n.price()), n.quantity(), period);
    if (trial) {
      return new Invoicing.Charge(SubscriptionItems.trialDescription(n.product()), 0, n.quantity(), full.unitAmount(), period, n.price().id(),
          n.price().productId(), false, item.id());
    }
    if (anchored) {
      // Up to the anchor the customer pays the share of a full period that this short period is (or nothing with proration none).
      Instant previous = period.end().atZone(ZoneOffset.UTC).minus(n.price().recurring().intervalCount(),
          java.time.temporal.ChronoUnit.valueOf(n.price().recurring().interval().toUpperCase() + "S")).toInstant();
      long amount = noProration ? 0 : Proration.remainingTimeAmount(full.unitAmount(), n.quantity(), new Period(previous, period.end()),
          now.isBefore(previous) ? previous : now);
      return new Invoicing.Charge(SubscriptionItems.remainingDescription(n.product(), n.quantity(), now), amount, n.quantity(), full.unitAmount(),
          period, n.price().id(), n.price().productId(), true, item.id());
    }
    return Invoicing.Charge.of(full, SubscriptionItems.periodDescription(n.product(), n.price(), n.quantity()), n.price().id(),
        n.price().productId(), item.id());
  }

  private static Long daysUntilDue(Params p, String collection) {
    Long days = p.integer("days_until_due", 0, 730);
    if (collection.equals("send_invoice") && days == null) {
      throw ApiError.invalid("parameter_missing", "days_until_due", "days_until_due is required when collection_method=send_invoice.");
    }
    if (!collection.equals("send_invoice") && days != null) {
      throw ApiError.invalid("parameter_invalid", "days_until_due", "days_until_due can only be set when collection_method=send_invoice.");
    }
    return days;
  }

  private static Instant trialEnd(Params p, Instant now) {
    Long days = p.integer("trial_period_days", 0, 730);
    String end = p.string("trial_end", 20);
    if (days != null && end != null) throw ApiError.invalid("parameters_exclusive", "trial_end", "Give trial_end or trial_period_days, not both.");
    if (days != null) return days == 0 ? null : now.plusSeconds(days * 86_400);
    if (end == null || end.equals("now")) return null;
    long at;
    try {
      at = Long.parseLong(end);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("parameter_invalid", "trial_end", "Invalid trial_end: a unix timestamp or 'now' (got '" + end + "').");
    }
    if (at <= now.getEpochSecond()) throw ApiError.invalid("parameter_invalid", "trial_end", "trial_end must be in the future.");
    if (at > now.getEpochSecond() + 730L * 86_400) throw ApiError.invalid("parameter_invalid", "trial_end", "A trial can last at most 730 days.");
    return Instant.ofEpochSecond(at);
  }

  // ---- read ----------------------------------------------------------------------------------

  public ApiResponse retrieve(ApiRequest req, String id) {
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    req.params().rejectUnknown();
    return ApiResponse.ok(expand(req.context(), find(req.context(), id, "id").value(), expand, null));
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    List<String> expand = Expansion.only(req, "data.", EXPANDABLE);
    String customer = p.nonEmptyString("customer", 5000);
    String status = p.oneOf("status", concat(Subscription.STATUSES, "all", "ended"));
    String price = p.nonEmptyString("price", 5000);
    ListRequest page = req.listRequest();
    p.rejectUnknown();
    RequestContext ctx = req.context();
    if ("ended".equals(status)) status = "canceled";
    ListPage<Subscription> result = subscriptions.list(ctx.scope(), customer, status, price, page);
    List<Subscription> out = new ArrayList<>();
    for (Subscription s : result.data()) out.add(expand(ctx, s, expand, null));
    return ApiResponse.ok(new ListObject(out, result.hasMore(), "/v1/subscriptions"));
  }

  // ---- update --------------------------------------------------------------------------------

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    Subscription updated = Checks.retryingConflicts(() -> {
      Versioned<Subscription> current = find(ctx, id, "id");
      RequestContext at = timeOf(ctx, current.value().testClock());
      if (ended(current.value()) && onlyCancellationDetails(req.params())) return updateEndedDetails(at, req.params(), current);
      PlannedChange plan = plan(at, req.params(), current);
      Changes changes = transactions.begin();
      Subscription next = stage(changes, at, plan);
      if (next != plan.current().value()) changes.commit();
      return next;
    });
    if (!ended(updated)) updated = collectLatest(timeOf(ctx, updated.testClock()), updated);
    return ApiResponse.ok(expand(ctx, updated, expand, null));
  }

  private static boolean ended(Subscription s) {
    return s.status().equals("canceled") || s.status().equals("incomplete_expired");
  }

  /** An update that names nothing but {@code cancellation_details} (and {@code expand}). */
  private static boolean onlyCancellationDetails(Params p) {
    return p.has("cancellation_details") && Set.of("cancellation_details", "expand").containsAll(p.names());
  }

  /**
   * Stripe's rule for an ended subscription: "A canceled subscription can only update its
   * cancellation_details." The customer's feedback often comes after the cancellation (the
   * portal asks for the reason once the subscription is canceled), so it is recorded on the
   * ended subscription, with a {@code customer.subscription.updated} event.
   */
  private Subscription updateEndedDetails(RequestContext ctx, Params p, Versioned<Subscription> current) {
    Subscription s = current.value();
    Subscription.CancellationDetails details = cancellationDetails(p, s.cancellationDetails());
    p.rejectUnknown();
    if (details.equals(s.cancellationDetails())) return s;
    Subscription next = new Subscription(s.id(), s.application(), s.automaticTax(), s.billingCycleAnchor(), s.billingCycleAnchorConfig(),
        s.cancelAt(), s.cancelAtPeriodEnd(), s.canceledAt(), details, s.collectionMethod(), s.created(), s.currency(), s.customer(),
        s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(), s.description(), s.discounts(), s.endedAt(),
        s.invoiceSettings(), s.items(), s.latestInvoice(), s.livemode(), s.metadata(), s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(),
        s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(), s.pendingSetupIntent(), s.pendingUpdate(), s.schedule(),
        s.startDate(), s.status(), s.testClock(), s.transferData(), s.trialEnd(), s.trialSettings(), s.trialStart());
    Changes changes = transactions.begin();
    subscriptions.stageReplace(changes, ctx.scope(), current, next, ctx.event("customer.subscription.updated", next, s));
    changes.commit();
    return next;
  }

  /**
   * A change worked out but not written: the subscription after it, what it bills (invoiced now,
   * or left pending for the next invoice) and the period that invoice covers.
   */
  record PlannedChange(Versioned<Subscription> current, Subscription next, List<Invoicing.Charge> charges, boolean invoiceNow, Period period,
      SubscriptionDiscounts.Change discounts) {}

  /** Reads an update's parameters ({@code p}) against {@code current}, validating everything, writing nothing. */
  PlannedChange plan(RequestContext ctx, Params p, Versioned<Subscription> current) {
    return plan(ctx, p, p, current);
  }

  /**
   * As {@link #plan(RequestContext, Params, Versioned)}, reading {@code discounts} from
   * {@code discountParams} (create_preview names them beside {@code subscription_details}, not in it).
   */
  PlannedChange plan(RequestContext ctx, Params p, Params discountParams, Versioned<Subscription> current) {
    String id = current.value().id();
    Subscription s = current.value();
    if (s.status().equals("canceled") || s.status().equals("incomplete_expired")) {
      throw ApiError.invalid("subscription_ended", null, "Subscription " + id + " has ended (" + s.status()
          + "): only its cancellation_details can still change.");
    }
    Instant now = ctx.now();
    ProrationBehavior behavior = ProrationBehavior.of(orElse(p.oneOf("proration_behavior", List.of("always_invoice", "create_prorations", "none")),
        "create_prorations"));
    Long prorationDate = p.integer("proration_date", s.items().data().get(0).currentPeriodStart(), now.getEpochSecond());
    Instant at = prorationDate == null ? now : Instant.ofEpochSecond(prorationDate);
    List<Params> itemParams = p.objectList("items");
    List<ItemChange> itemChanges = itemParams == null ? List.of() : itemChanges(ctx, s, itemParams);
    Map<String, String> metadata = s.metadata();
    if (p.has("metadata")) {
      boolean clear = p.isEmptyString("metadata");
      if (clear) p.accept("metadata");
      metadata = Metadata.apply(metadata, clear ? null : p.stringMap("metadata"), clear, "metadata");
    }
    String description = p.has("description") ? CustomerService.emptyToNull(p.string("description", 500)) : s.description();
    String defaultPm = s.defaultPaymentMethod();
    if (p.has("default_payment_method")) {
      defaultPm = Checks.id("default_payment_method", CustomerService.emptyToNull(p.string("default_payment_method", 5000)), "pm");
    }
    Boolean cancelAtPeriodEnd = p.bool("cancel_at_period_end");
    Long cancelAt = s.cancelAt();
    boolean cancelAtSent = p.has("cancel_at");
    if (cancelAtSent) {
      cancelAt = p.isEmptyString("cancel_at") ? null : p.integer("cancel_at", now.getEpochSecond() + 1, Long.MAX_VALUE);
      if (p.isEmptyString("cancel_at")) p.accept("cancel_at");
    }
    Subscription.CancellationDetails details = cancellationDetails(p, s.cancellationDetails());
    String trialEndParam = p.string("trial_end", 20);
    // billing_cycle_anchor=now restarts the cycle at the change (Stripe's; the portal's configuration can ask for it).
    boolean resetAnchor = "now".equals(p.oneOf("billing_cycle_anchor", List.of("now", "unchanged")));
    SubscriptionDiscounts.Change discountChange = SubscriptionDiscounts.plan(SubscriptionDiscounts.requested(discountParams), s.discounts());
    p.rejectUnknown();

    SubscriptionItem firstItem = s.items().data().get(0);
    Period period = new Period(Instant.ofEpochSecond(firstItem.currentPeriodStart()), Instant.ofEpochSecond(firstItem.currentPeriodEnd()));
    boolean trialing = s.status().equals("trialing");
    boolean itemsChanged = itemChanges.stream().anyMatch(ItemChange::changes);
    // During a trial, trial_end repeated as it stands keeps the trial through a change (the portal's continue_trial).
    boolean keepTrial = trialing && trialEndParam != null && trialEndParam.equals(String.valueOf(s.trialEnd()));
    if (trialEndParam != null && !"now".equals(trialEndParam) && !keepTrial) {
      throw ApiError.invalid("parameter_invalid", "trial_end", "Only trial_end=now (end the trial) or, during a trial, its current"
          + " trial_end (keep it through the change) is supported on update.");
    }
    if (keepTrial && resetAnchor) {
      throw ApiError.invalid("parameters_exclusive", "billing_cycle_anchor", "billing_cycle_anchor=now would end the trial that trial_end keeps.");
    }
    boolean endTrial = trialing && !keepTrial && ("now".equals(trialEndParam) || itemsChanged || resetAnchor); // the seed: a change ends the trial

    List<Invoicing.Charge> charges = new ArrayList<>();
    List<SubscriptionItem> items = new ArrayList<>();
    Period newPeriod = period;
    boolean invoiceNow = false;
    boolean cycleReset = false;
    if (endTrial) {
      Price anyPrice = itemChanges.isEmpty() ? firstItem.price() : itemChanges.get(0).to();
      newPeriod = new Period(now, BillingPeriods.periodEnd(now, SubscriptionItems.recurrence(anyPrice), 1));
      cycleReset = true;
      invoiceNow = true;
      for (ItemChange c : itemChanges.isEmpty() ? unchanged(s) : itemChanges) {
        if (c.removed()) continue;
        SubscriptionItem item = c.asItem(s.id(), newPeriod, now);
        items.add(item);
        charges.add(Invoicing.Charge.of(LineItem.forPeriod(SubscriptionItems.unitPrice(c.to()), c.toQuantity(), newPeriod),
            SubscriptionItems.periodDescription(product(ctx, c.to()), c.to(), c.toQuantity()), c.to().id(), c.to().productId(), item.id()));
      }
    } else if (itemsChanged || resetAnchor) {
      if (itemChanges.isEmpty()) itemChanges = unchanged(s); // billing_cycle_anchor=now alone bills every item anew
      for (ItemChange c : itemChanges) {
        if (trialing) break;
        // A new item changes from none of the current period's price: nothing to credit, the remaining time charged,
        // or, when it bills on another interval (monthly item removed, yearly one added), the cycle reset to it.
        Proration.Item from = c.from() == null ? SubscriptionItems.item(firstItem.price(), 0)
            : SubscriptionItems.item(c.from(), c.fromQuantity());
        Proration.Item to = c.removed() ? SubscriptionItems.item(c.from(), 0) : SubscriptionItems.item(c.to(), c.toQuantity());
        Proration.Result r = Proration.change(from, to, period, at, behavior, resetAnchor);
        for (LineItem line : r.lines()) {
          if (c.removed() && !line.proration()) continue; // a removed item has no new period to bill
          boolean credit = line.kind() == LineItem.Kind.UNUSED_TIME;
          Price linePrice = credit ? c.from() : c.to();
          String text = credit ? SubscriptionItems.unusedDescription(product(ctx, linePrice), line.quantity(), at)
              : line.proration() ? SubscriptionItems.remainingDescription(product(ctx, linePrice), line.quantity(), at)
              : SubscriptionItems.periodDescription(product(ctx, linePrice), linePrice, line.quantity());
          charges.add(Invoicing.Charge.of(line, text, linePrice.id(), linePrice.productId(), c.itemId()));
        }
        invoiceNow |= r.invoiceNow();
        if (r.billingCycleReset()) {
          cycleReset = true;
          newPeriod = r.period();
        }
      }
      for (ItemChange c : itemChanges) if (!c.removed()) items.add(c.asItem(s.id(), newPeriod, now));
    } else {
      items.addAll(s.items().data());
    }
    if (items.isEmpty()) throw ApiError.invalid("parameter_invalid", "items", "A subscription needs at least one item; cancel it instead.");

    boolean atPeriodEnd = cancelAtPeriodEnd == null ? s.cancelAtPeriodEnd() : cancelAtPeriodEnd;
    if (atPeriodEnd && cancelAtSent && cancelAt != null) {
      throw ApiError.invalid("parameters_exclusive", "cancel_at", "Give cancel_at or cancel_at_period_end=true, not both.");
    }
    if (atPeriodEnd) cancelAt = newPeriod.end().getEpochSecond();
    else if (cancelAtPeriodEnd != null && !cancelAtSent && s.cancelAtPeriodEnd()) cancelAt = null; // renewed
    boolean cancelling = atPeriodEnd || cancelAt != null;
    Long canceledAt = cancelling ? (s.canceledAt() != null ? s.canceledAt() : now.getEpochSecond()) : null;
    if (cancelling && details.reason() == null) details = new Subscription.CancellationDetails(details.comment(), details.feedback(), "cancellation_requested");
    if (!cancelling && s.canceledAt() != null) details = Subscription.CancellationDetails.NONE; // renewing withdraws the cancellation

    String status = endTrial ? "active" : s.status();
    // A reset cycle is anchored where its first period starts: the change's (proration) date, which is now unless
    // proration_date dates it earlier; anchoring at now would make the item's period and later renewals disagree.
    long anchor = cycleReset ? newPeriod.start().getEpochSecond() : s.billingCycleAnchor();
    Subscription next = new Subscription(s.id(), s.application(), s.automaticTax(), anchor,
        s.billingCycleAnchorConfig(), cancelAt, atPeriodEnd, canceledAt, details, s.collectionMethod(), s.created(), s.currency(), s.customerId(),
        s.daysUntilDue(), defaultPm, s.defaultSource(), s.defaultTaxRates(), description, discountChange.ids(), s.endedAt(), s.invoiceSettings(),
        new Subscription.Items(items, false, s.items().url()), s.latestInvoice(), s.livemode(), metadata, s.nextPendingInvoiceItemInvoice(),
        s.onBehalfOf(), s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(), s.pendingSetupIntent(), s.pendingUpdate(),
        s.schedule(), s.startDate(), status, s.testClock(), s.transferData(), endTrial ? Long.valueOf(now.getEpochSecond()) : s.trialEnd(),
        s.trialSettings(), s.trialStart());
    return new PlannedChange(current, next, charges, invoiceNow, newPeriod, discountChange);
  }

  /** Stages a planned change; returns the subscription as it will be (the current one, unchanged, when nothing changes). */
  Subscription stage(Changes changes, RequestContext ctx, PlannedChange plan) {
    Subscription s = plan.current().value();
    Subscription next = plan.next();
    if (next.equals(s) && plan.charges().isEmpty()) return s;
    // Discounts the change starts apply to the invoice it issues, as the ones a creation starts apply to the first invoice.
    List<Discount> started = discounts.stage(changes, ctx, plan.discounts(), next);
    if (plan.invoiceNow()) {
      Invoice invoice = stageInvoice(changes, ctx, next, "subscription_update", plan.charges(), plan.period(), started);
      if (!invoice.status().equals("paid") && s.collectionMethod().equals("charge_automatically")) next = withStatus(next, "past_due", invoice.id());
      next = withStatus(next, next.status(), invoice.id());
    } else if (!plan.charges().isEmpty()) {
      invoicing.stagePending(changes, ctx, next, plan.charges());
    }
    subscriptions.stageReplace(changes, ctx.scope(), plan.current(), next, ctx.event("customer.subscription.updated", next, s));
    return next;
  }

  /** Stages the subscription's invoice now (with its pending items) and the events finalizing and, when settled, paying it. */
  private Invoice stageInvoice(Changes changes, RequestContext ctx, Subscription s, String reason, List<Invoicing.Charge> charges, Period period) {
    return stageInvoice(changes, ctx, s, reason, charges, period, List.of());
  }

  /** As above; {@code started} are discounts begun in the same unit of work. */
  private Invoice stageInvoice(Changes changes, RequestContext ctx, Subscription s, String reason, List<Invoicing.Charge> charges, Period period,
      List<Discount> started) {
    Versioned<Customer> customer = customers.find(ctx.scope(), s.customerId());
    Invoice invoice = invoicing.stageSubscriptionInvoice(changes, ctx, customer, s, reason, charges, true, period, started);
    changes.event(ctx.scope(), ctx.event("invoice.finalized", invoice, null));
    if (invoice.status().equals("paid")) changes.event(ctx.scope(), ctx.event("invoice.paid", invoice, null));
    return invoice;
  }

  /** What one {@code items[i]} asks: a new item, a changed one (price and/or quantity), or a removed one. */
  private record ItemChange(String itemId, Price from, long fromQuantity, Price to, long toQuantity, Map<String, String> metadata, long created,
      boolean removed) {
    boolean changes() {
      return removed || from == null || !from.id().equals(to.id()) || fromQuantity != toQuantity;
    }

    SubscriptionItem asItem(String subscription, Period period, Instant now) {
      return new SubscriptionItem(itemId, from == null ? now.getEpochSecond() : created, period.end().getEpochSecond(),
          period.start().getEpochSecond(), List.of(), metadata, to, toQuantity, subscription, List.of());
    }
  }

  private List<ItemChange> itemChanges(RequestContext ctx, Subscription s, List<Params> itemParams) {
    Map<String, SubscriptionItem> existing = new HashMap<>();
    for (SubscriptionItem i : s.items().data()) existing.put(i.id(), i);
    Map<String, ItemChange> byId = new java.util.LinkedHashMap<>();
    for (SubscriptionItem i : s.items().data()) {
      byId.put(i.id(), new ItemChange(i.id(), i.price(), i.quantity(), i.price(), i.quantity(), i.metadata(), i.created(), false));
    }
    for (Params i : itemParams) {
      String itemId = i.nonEmptyString("id", 5000);
      String priceId = i.nonEmptyString("price", 5000);
      Long quantity = i.integer("quantity", 0, 1_000_000);
      boolean deleted = Boolean.TRUE.equals(i.bool("deleted"));
      Map<String, String> metadata = i.has("metadata") ? Metadata.apply(Map.of(), i.stringMap("metadata"), false, i.path("metadata")) : null;
      if (itemId == null) {
        if (priceId == null) throw ApiError.missing(i.path("price"));
        Price price = requirePrice(ctx, priceId, i.path("price"));
        String newId = Ids.newId("si");
        byId.put(newId, new ItemChange(newId, null, 0, price, quantity == null ? 1 : quantity, metadata == null ? Map.of() : metadata, 0, false));
        continue;
      }
      SubscriptionItem old = existing.get(itemId);
      if (old == null) throw ApiError.noSuch("subscription_item", itemId, i.path("id")).asBadRequest();
      Price to = priceId == null ? old.price() : requirePrice(ctx, priceId, i.path("price"));
      byId.put(itemId, new ItemChange(itemId, old.price(), old.quantity(), to, quantity == null ? old.quantity() : quantity,
          metadata == null ? old.metadata() : metadata, old.created(), deleted));
    }
    List<ItemChange> out = new ArrayList<>(byId.values());
    List<NewItem> remaining = new ArrayList<>();
    for (ItemChange c : out) if (!c.removed()) remaining.add(new NewItem(c.to(), null, c.toQuantity(), c.metadata(), "items"));
    if (!remaining.isEmpty()) requireOneCurrencyAndIntervalAcross(remaining, s);
    return out;
  }

  /** Items may change interval together (monthly → yearly), but never currency, and never end up mixed. */
  private static void requireOneCurrencyAndIntervalAcross(List<NewItem> items, Subscription s) {
    requireOneCurrencyAndInterval(items);
    if (!items.get(0).price().currency().equals(s.currency())) {
      throw ApiError.invalid("parameter_invalid", "items", "A subscription's currency cannot change (it bills in " + s.currency() + ").");
    }
  }

  private static List<ItemChange> unchanged(Subscription s) {
    List<ItemChange> out = new ArrayList<>();
    for (SubscriptionItem i : s.items().data()) {
      out.add(new ItemChange(i.id(), i.price(), i.quantity(), i.price(), i.quantity(), i.metadata(), i.created(), false));
    }
    return out;
  }

  private static Subscription.CancellationDetails cancellationDetails(Params p, Subscription.CancellationDetails current) {
    Params d = p.object("cancellation_details");
    if (d == null) return current;
    String comment = d.has("comment") ? CustomerService.emptyToNull(d.string("comment", 5000)) : current.comment();
    String feedback = current.feedback();
    if (d.has("feedback")) {
      feedback = d.isEmptyString("feedback") ? null : d.oneOf("feedback", io.portico.domain.PortalConfiguration.CANCELLATION_REASONS);
      if (d.isEmptyString("feedback")) d.accept("feedback");
    }
    return new Subscription.CancellationDetails(comment, feedback, current.reason());
  }

  // ---- cancel --------------------------------------------------------------------------------

  public ApiResponse cancel(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    List<String> expand = Expansion.only(req, "", EXPANDABLE);
    Subscription canceled = Checks.retryingConflicts(() -> {
      Params p = req.params();
      boolean prorate = Boolean.TRUE.equals(p.bool("prorate"));
      boolean invoiceNow = Boolean.TRUE.equals(p.bool("invoice_now"));
      Versioned<Subscription> current = find(ctx, id, "id");
      Subscription s = current.value();
      Subscription.CancellationDetails details = cancellationDetails(p, s.cancellationDetails());
      p.rejectUnknown();
      if (s.status().equals("canceled")) {
        throw ApiError.invalid("subscription_canceled", null, "Subscription " + id + " is already canceled.");
      }
      return cancelNow(timeOf(ctx, s.testClock()), current,
          new Subscription.CancellationDetails(details.comment(), details.feedback(), "cancellation_requested"), prorate, invoiceNow);
    });
    return ApiResponse.ok(expand(ctx, canceled, expand, null));
  }

  /**
   * Ends {@code current} at {@code ctx.now()}: with {@code prorate}, the unused time is credited
   * (pending, or on a final invoice with {@code invoiceNow}, which also collects pending items).
   */
  Subscription cancelNow(RequestContext ctx, Versioned<Subscription> current, Subscription.CancellationDetails details, boolean prorate,
      boolean invoiceNow) {
    Subscription s = current.value();
    Instant now = ctx.now();
    List<Invoicing.Charge> credits = new ArrayList<>();
    SubscriptionItem firstItem = s.items().data().get(0);
    Period period = new Period(Instant.ofEpochSecond(firstItem.currentPeriodStart()), Instant.ofEpochSecond(firstItem.currentPeriodEnd()));
    if (prorate && !s.status().equals("trialing") && period.contains(now)) {
      for (SubscriptionItem i : s.items().data()) {
        Proration.Result r = Proration.change(SubscriptionItems.item(i.price(), i.quantity()), SubscriptionItems.item(i.price(), 0), period, now,
            ProrationBehavior.CREATE_PRORATIONS);
        for (LineItem line : r.lines()) {
          credits.add(Invoicing.Charge.of(line, SubscriptionItems.unusedDescription(product(ctx, i.price()), i.quantity(), now), i.price().id(),
              i.price().productId(), i.id()));
        }
      }
    }
    Subscription ended = ended(s, now.getEpochSecond(), details);
    Changes changes = transactions.begin();
    // A subscription's running schedule ends with it.
    Versioned<SubscriptionSchedule> schedule = s.schedule() == null ? null : schedules.find(ctx.scope(), s.schedule());
    if (schedule != null && schedule.value().status().equals("active")) {
      SubscriptionSchedule canceled = schedule.value().ended("canceled", now.getEpochSecond());
      schedules.stageReplace(changes, ctx.scope(), schedule, canceled, ctx.event("subscription_schedule.canceled", canceled, schedule.value()));
    }
    if (invoiceNow) {
      Invoice invoice = stageInvoice(changes, ctx, ended, "subscription_cycle", credits,
          new Period(period.start(), now.isAfter(period.start()) ? now : period.end()));
      ended = withStatus(ended, "canceled", invoice.id());
    } else if (!credits.isEmpty()) {
      invoicing.stagePending(changes, ctx, ended, credits);
    }
    subscriptions.stageReplace(changes, ctx.scope(), current, ended, ctx.event("customer.subscription.deleted", ended, s));
    changes.commit();
    return ended;
  }

  /**
   * Collects {@code s}'s latest invoice if it is open and charged automatically (an invoice a change
   * or a renewal just issued), and returns the subscription as that left it.
   */
  Subscription collectLatest(RequestContext ctx, Subscription s) {
    if (s.latestInvoiceId() == null || !s.collectionMethod().equals("charge_automatically")) return s;
    Versioned<Invoice> latest = invoices.find(ctx.scope(), s.latestInvoiceId());
    if (latest == null || !latest.value().status().equals("open") || latest.value().attemptCount() > 0) return s;
    payments.collect(ctx, latest.value().id(), null, true);
    return find(ctx, s.id(), "id").value();
  }

  /** {@code s} canceled at {@code now} (ended_at; canceled_at unless cancellation was requested earlier). */
  static Subscription ended(Subscription s, long now, Subscription.CancellationDetails details) {
    return new Subscription(s.id(), s.application(), s.automaticTax(), s.billingCycleAnchor(), s.billingCycleAnchorConfig(),
        s.cancelAt(), s.cancelAtPeriodEnd(), s.canceledAt() != null ? s.canceledAt() : now, details, s.collectionMethod(),
        s.created(), s.currency(), s.customerId(), s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(),
        s.description(), s.discounts(), now, s.invoiceSettings(), s.items(), s.latestInvoiceId(), s.livemode(), s.metadata(),
        s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(), s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(),
        s.pendingSetupIntent(), s.pendingUpdate(), s.schedule(), s.startDate(), "canceled", s.testClock(), s.transferData(), s.trialEnd(),
        s.trialSettings(), s.trialStart());
  }

  // ---- the billing clock ---------------------------------------------------------------------

  /**
   * Does the one thing due on {@code current} at {@code ctx.now()} (its {@link io.portico.domain.BillingCalendar}
   * instant): expire an unpaid incomplete subscription, carry out a scheduled cancellation, end a
   * trial, or renew for the next period — invoicing the period with any pending items.
   */
  Subscription advance(RequestContext ctx, Versioned<Subscription> current) {
    Subscription s = current.value();
    long now = ctx.now().getEpochSecond();
    SubscriptionItem first = s.items().data().get(0);
    Changes changes = transactions.begin();
    if (s.status().equals("incomplete")) {
      Subscription expired = withStatus(s, "incomplete_expired", s.latestInvoiceId());
      Versioned<Invoice> unpaid = s.latestInvoiceId() == null ? null : invoices.find(ctx.scope(), s.latestInvoiceId());
      if (unpaid != null && unpaid.value().status().equals("open")) {
        Invoice voided = InvoiceStates.voided(unpaid.value(), now);
        invoices.stageReplace(changes, ctx.scope(), unpaid, voided, ctx.event("invoice.voided", voided, unpaid.value()));
      }
      subscriptions.stageReplace(changes, ctx.scope(), current, expired, ctx.event("customer.subscription.updated", expired, s));
      changes.commit();
      return expired;
    }
    if (s.cancelAt() != null && s.cancelAt() <= now) {
      // Cancelling mid-period (cancel_at) credits the unused time, as Stripe prorates it by default.
      boolean midPeriod = s.cancelAt() < first.currentPeriodEnd();
      return cancelNow(ctx, current, s.cancellationDetails(), midPeriod, invoicing.hasPending(ctx, s.id()) || midPeriod);
    }
    // A trial ends, or a period does: bill the next period from the end of this one.
    Instant start = Instant.ofEpochSecond(s.status().equals("trialing") ? s.trialEnd() : first.currentPeriodEnd());
    Period period = new Period(start, nextBoundary(s, start));
    List<SubscriptionItem> items = new ArrayList<>();
    List<Invoicing.Charge> charges = new ArrayList<>();
    for (SubscriptionItem i : s.items().data()) {
      SubscriptionItem renewed = new SubscriptionItem(i.id(), i.created(), period.end().getEpochSecond(), period.start().getEpochSecond(),
          i.discounts(), i.metadata(), i.price(), i.quantity(), i.subscription(), i.taxRates());
      items.add(renewed);
      charges.add(Invoicing.Charge.of(LineItem.forPeriod(SubscriptionItems.unitPrice(i.price()), i.quantity(), period),
          SubscriptionItems.periodDescription(product(ctx, i.price()), i.price(), i.quantity()), i.price().id(), i.price().productId(), i.id()));
    }
    Subscription renewed = withItems(s, items, s.status().equals("trialing") ? "active" : s.status());
    Invoice invoice = stageInvoice(changes, ctx, renewed, "subscription_cycle", charges, period);
    String status = invoice.status().equals("paid") || renewed.collectionMethod().equals("send_invoice") ? "active" : "past_due";
    Subscription next = withStatus(renewed, status, invoice.id());
    subscriptions.stageReplace(changes, ctx.scope(), current, next, ctx.event("customer.subscription.updated", next, s));
    changes.commit();
    return next;
  }

  /** The period boundary after {@code start}, counted from the billing cycle anchor (month ends stay month ends). */
  private static Instant nextBoundary(Subscription s, Instant start) {
    var recurrence = SubscriptionItems.recurrence(s.items().data().get(0).price());
    Instant anchor = Instant.ofEpochSecond(s.billingCycleAnchor());
    if (start.isBefore(anchor)) return anchor;
    return BillingPeriods.currentPeriod(anchor, recurrence, start).end();
  }

  private static Subscription withItems(Subscription s, List<SubscriptionItem> items, String status) {
    return new Subscription(s.id(), s.application(), s.automaticTax(), s.billingCycleAnchor(), s.billingCycleAnchorConfig(), s.cancelAt(),
        s.cancelAtPeriodEnd(), s.canceledAt(), s.cancellationDetails(), s.collectionMethod(), s.created(), s.currency(), s.customer(),
        s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(), s.description(), s.discounts(), s.endedAt(),
        s.invoiceSettings(), new Subscription.Items(items, false, s.items().url()), s.latestInvoice(), s.livemode(), s.metadata(),
        s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(), s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(),
        s.pendingSetupIntent(), s.pendingUpdate(), s.schedule(), s.startDate(), status, s.testClock(), s.transferData(),
        s.trialEnd(), s.trialSettings(), s.trialStart());
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** {@code ctx} at its test clock's frozen time, for objects on a test clock; unchanged otherwise. */
  public RequestContext timeOf(RequestContext ctx, String testClock) {
    if (testClock == null) return ctx;
    Versioned<TestClock> clock = testClocks.find(ctx.scope(), testClock);
    return clock == null ? ctx : ctx.at(Instant.ofEpochSecond(clock.value().frozenTime()));
  }

  Versioned<Subscription> find(RequestContext ctx, String id, String param) {
    Versioned<Subscription> found = subscriptions.find(ctx.scope(), id);
    if (found == null) throw ApiError.noSuch("subscription", id, param);
    return found;
  }

  private Subscription expand(RequestContext ctx, Subscription s, List<String> expand, Invoice latest) {
    Object customer = s.customer();
    Object latestInvoice = s.latestInvoice();
    if (expand.contains("customer")) {
      Versioned<Customer> c = customers.find(ctx.scope(), s.customerId());
      if (c != null) customer = c.value();
    }
    if (expand.contains("latest_invoice") && s.latestInvoice() != null) {
      if (latest != null) {
        latestInvoice = latest;
      } else {
        Versioned<Invoice> i = invoices.find(ctx.scope(), (String) s.latestInvoice());
        if (i != null) latestInvoice = i.value();
      }
    }
    if (customer == s.customer() && latestInvoice == s.latestInvoice()) return s;
    return new Subscription(s.id(), s.application(), s.automaticTax(), s.billingCycleAnchor(), s.billingCycleAnchorConfig(), s.cancelAt(),
        s.cancelAtPeriodEnd(), s.canceledAt(), s.cancellationDetails(), s.collectionMethod(), s.created(), s.currency(), customer,
        s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(), s.description(), s.discounts(), s.endedAt(),
        s.invoiceSettings(), s.items(), latestInvoice, s.livemode(), s.metadata(), s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(),
        s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(), s.pendingSetupIntent(), s.pendingUpdate(), s.schedule(),
        s.startDate(), s.status(), s.testClock(), s.transferData(), s.trialEnd(), s.trialSettings(), s.trialStart());
  }

  static Subscription withStatus(Subscription s, String status, String latestInvoice) {
    return new Subscription(s.id(), s.application(), s.automaticTax(), s.billingCycleAnchor(), s.billingCycleAnchorConfig(), s.cancelAt(),
        s.cancelAtPeriodEnd(), s.canceledAt(), s.cancellationDetails(), s.collectionMethod(), s.created(), s.currency(), s.customer(),
        s.daysUntilDue(), s.defaultPaymentMethod(), s.defaultSource(), s.defaultTaxRates(), s.description(), s.discounts(), s.endedAt(),
        s.invoiceSettings(), s.items(), latestInvoice, s.livemode(), s.metadata(), s.nextPendingInvoiceItemInvoice(), s.onBehalfOf(),
        s.pauseCollection(), s.paymentSettings(), s.pendingInvoiceItemInterval(), s.pendingSetupIntent(), s.pendingUpdate(), s.schedule(),
        s.startDate(), status, s.testClock(), s.transferData(), s.trialEnd(), s.trialSettings(), s.trialStart());
  }

  private static List<String> concat(List<String> a, String... more) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(more));
    return out;
  }

  private static String orElse(String v, String fallback) {
    return v == null ? fallback : v;
  }
}
