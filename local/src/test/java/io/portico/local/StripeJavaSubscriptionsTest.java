package io.portico.local;

import static io.portico.local.BillingFixtures.DAY;
import static io.portico.local.BillingFixtures.advanceDays;
import static io.portico.local.BillingFixtures.assertEventCount;
import static io.portico.local.BillingFixtures.assertEvents;
import static io.portico.local.BillingFixtures.every30Days;
import static io.portico.local.BillingFixtures.lineAmounts;
import static io.portico.local.BillingFixtures.linePrice;
import static io.portico.local.BillingFixtures.monthly;
import static io.portico.local.BillingFixtures.now;
import static io.portico.local.BillingFixtures.plusMonths;
import static io.portico.local.BillingFixtures.prorate;
import static io.portico.local.BillingFixtures.proration;
import static io.portico.local.BillingFixtures.subscriptionOf;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.PriceCreateParams.Recurring.Interval;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionCreateParams.CollectionMethod;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.SubscriptionUpdateParams.ProrationBehavior;
import io.portico.service.AccountService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * subscription through the real stripe-java client: create (items, trials, future anchors,
 * send_invoice, incomplete until paid), retrieve with expansions, list filters, every kind of
 * update with its prorations, cancel at period end and renew, cancel now with a final invoice,
 * and the events each change writes.
 */
class StripeJavaSubscriptionsTest {
  private AccountService.CreatedAccount merchant;
  private String account;
  private StripeClient stripe;
  private String customer;

  @BeforeEach
  void merchantWithCustomer() throws StripeException {
    merchant = TestStack.newMerchant();
    account = merchant.account().id();
    stripe = TestStack.stripe(merchant.testSecretKey());
    customer = newCustomer("Jenny Rosen");
  }

  private String newCustomer(String name) throws StripeException {
    return stripe.v1().customers().create(CustomerCreateParams.builder().setName(name).setEmail("jenny@example.com").build()).getId();
  }

  private static SubscriptionCreateParams.Item item(Price price, long quantity) {
    return SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(quantity).build();
  }

  /** An active subscription with an open invoice: send_invoice, 30 days to pay. */
  private Subscription invoiced(String customerId, Price price, long quantity) throws StripeException {
    return stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customerId).addItem(item(price, quantity))
        .setCollectionMethod(CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L).build());
  }

  private Invoice invoice(Subscription s) throws StripeException {
    return stripe.v1().invoices().retrieve(s.getLatestInvoice());
  }

  private List<Invoice> invoicesOf(Subscription s) throws StripeException {
    return stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(s.getId()).build()).getData();
  }

  private Invoice preview(Subscription s) throws StripeException {
    return stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(s.getId()).build());
  }

  private static SubscriptionItem firstItem(Subscription s) {
    return s.getItems().getData().get(0);
  }

  private static List<String> ids(StripeCollection<Subscription> list) {
    return list.getData().stream().map(Subscription::getId).toList();
  }

  // ---- create --------------------------------------------------------------------------------

  @Test
  void createWithSeveralItemsQuantitiesMetadataAndDescription() throws StripeException {
    Price seat = monthly(stripe, 1000, "Seat");
    Price support = monthly(stripe, 2500, "Support");
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
        .setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(seat.getId()).setQuantity(3L).putMetadata("team", "core").build())
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(support.getId()).build())
        .setDescription("Team plan")
        .putMetadata("order", "A-1")
        .setCollectionMethod(CollectionMethod.SEND_INVOICE)
        .setDaysUntilDue(14L)
        .build());
    long created = now();
    assertTrue(s.getId().startsWith("sub_"), s.getId());
    assertEquals("subscription", s.getObject());
    assertEquals("active", s.getStatus());
    assertEquals(customer, s.getCustomer());
    assertEquals("usd", s.getCurrency());
    assertEquals("send_invoice", s.getCollectionMethod());
    assertEquals(14L, s.getDaysUntilDue());
    assertEquals("Team plan", s.getDescription());
    assertEquals(Map.of("order", "A-1"), s.getMetadata());
    assertEquals(created, s.getCreated());
    assertEquals(created, s.getStartDate());
    assertEquals(created, s.getBillingCycleAnchor());
    assertEquals(false, s.getCancelAtPeriodEnd());
    assertNull(s.getCancelAt());
    assertNull(s.getCanceledAt());
    assertNull(s.getEndedAt());
    assertNull(s.getTrialStart());
    assertNull(s.getTrialEnd());
    assertEquals(false, s.getLivemode());

    List<SubscriptionItem> items = s.getItems().getData();
    assertEquals(2, items.size());
    assertEquals(seat.getId(), items.get(0).getPrice().getId());
    assertEquals(3L, items.get(0).getQuantity());
    assertEquals(Map.of("team", "core"), items.get(0).getMetadata());
    assertEquals(support.getId(), items.get(1).getPrice().getId());
    assertEquals(1L, items.get(1).getQuantity(), "quantity defaults to 1");
    assertEquals(Map.of(), items.get(1).getMetadata());
    for (SubscriptionItem i : items) {
      assertTrue(i.getId().startsWith("si_"), i.getId());
      assertEquals(s.getId(), i.getSubscription());
      // API 2026-07-29: the current period lives on the items
      assertEquals(created, i.getCurrentPeriodStart());
      assertEquals(plusMonths(created, 1), i.getCurrentPeriodEnd());
    }

    // The first invoice: a full month of each item, open for 14 days (send_invoice).
    Invoice first = invoice(s);
    assertEquals("open", first.getStatus());
    assertEquals("subscription_create", first.getBillingReason());
    assertEquals(s.getId(), subscriptionOf(first));
    assertEquals(customer, first.getCustomer());
    assertEquals("send_invoice", first.getCollectionMethod());
    assertEquals(created + 14 * DAY, first.getDueDate());
    assertEquals(List.of(3000L, 2500L), lineAmounts(first));
    assertEquals(5500L, first.getSubtotal());
    assertEquals(5500L, first.getTotal());
    assertEquals(5500L, first.getAmountDue());
    assertEquals(5500L, first.getAmountRemaining());
    assertEquals(0L, first.getAmountPaid());
    assertEquals(created, first.getPeriodStart());
    assertEquals(plusMonths(created, 1), first.getPeriodEnd());
    InvoiceLineItem seats = first.getLines().getData().get(0);
    assertEquals(seat.getId(), linePrice(seats));
    assertEquals(seat.getProduct(), seats.getPricing().getPriceDetails().getProduct());
    assertEquals(3L, seats.getQuantity());
    assertEquals(false, proration(seats));
    assertEquals(items.get(0).getId(), seats.getParent().getSubscriptionItemDetails().getSubscriptionItem());
    assertEquals("3 × Seat (at 10.00 USD / month)", seats.getDescription());
    assertEquals(created, seats.getPeriod().getStart());
    assertEquals(plusMonths(created, 1), seats.getPeriod().getEnd());

    Customer c = stripe.v1().customers().retrieve(customer);
    assertEquals(c.getInvoicePrefix() + "-0001", first.getNumber());
    assertEquals(2L, c.getNextInvoiceSequence());
    assertEquals("usd", c.getCurrency(), "the first invoice fixes the customer's currency");

    assertEvents(account, s.getId(), "customer.subscription.created");
    assertEvents(account, first.getId(), "invoice.created", "invoice.finalized");
    assertEventCount(account, "invoice.paid", first.getId(), 0);
  }

  @Test
  void chargeAutomaticallyWithoutAPaymentMethodIsIncompleteUntilTheInvoiceIsPaid() throws StripeException {
    Price seat = monthly(stripe, 1000, "Seat");
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer).addItem(item(seat, 2)).build());
    assertEquals("incomplete", s.getStatus());
    assertEquals("charge_automatically", s.getCollectionMethod());
    assertNull(s.getDaysUntilDue());
    Invoice open = invoice(s);
    assertEquals("open", open.getStatus());
    assertEquals(2000L, open.getAmountDue());
    assertNull(open.getDueDate(), "charged automatically: no due date");

    advanceDays(1);
    Invoice paid = stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder().setPaidOutOfBand(true).build());
    assertEquals("paid", paid.getStatus());
    assertEquals(2000L, paid.getAmountPaid());
    assertEquals(0L, paid.getAmountRemaining());
    assertEquals(now(), paid.getStatusTransitions().getPaidAt());
    assertEquals(open.getStatusTransitions().getFinalizedAt(), paid.getStatusTransitions().getFinalizedAt());

    Subscription active = stripe.v1().subscriptions().retrieve(s.getId());
    assertEquals("active", active.getStatus());
    assertEquals(open.getId(), active.getLatestInvoice());

    assertEvents(account, s.getId(), "customer.subscription.created", "customer.subscription.updated");
    assertEvents(account, open.getId(), "invoice.created", "invoice.finalized", "invoice.paid");
    assertTrue(BillingFixtures.events(account, "customer.subscription.created", s.getId()).get(0).object().get("status").asText()
        .equals("incomplete"));
    assertTrue(BillingFixtures.events(account, "customer.subscription.updated", s.getId()).stream()
        .anyMatch(e -> e.object().get("status").asText().equals("active")));
  }

  @Test
  void aTrialIsFreeAndItsPeriodIsTheTrial() throws StripeException {
    Price seat = monthly(stripe, 1000, "Seat");
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer).addItem(item(seat, 1))
        .setTrialPeriodDays(14L).build());
    long created = now();
    assertEquals("trialing", s.getStatus());
    assertEquals(created, s.getTrialStart());
    assertEquals(created + 14 * DAY, s.getTrialEnd());
    assertEquals(created + 14 * DAY, s.getBillingCycleAnchor(), "billing starts when the trial ends");
    assertEquals(created, firstItem(s).getCurrentPeriodStart());
    assertEquals(created + 14 * DAY, firstItem(s).getCurrentPeriodEnd());

    Invoice trial = invoice(s);
    assertEquals("paid", trial.getStatus(), "nothing to pay: settled when finalized");
    assertEquals(0L, trial.getAmountDue());
    assertEquals(0L, trial.getTotal());
    assertEquals("subscription_create", trial.getBillingReason());
    assertEquals(List.of(0L), lineAmounts(trial));
    assertEquals("Trial period for Seat", trial.getLines().getData().get(0).getDescription());
    assertEquals(created + 14 * DAY, trial.getLines().getData().get(0).getPeriod().getEnd());
    assertEvents(account, trial.getId(), "invoice.created", "invoice.finalized", "invoice.paid");
  }

  @Test
  void aFutureBillingCycleAnchorProratesTheFirstInvoice() throws StripeException {
    Price monthlyish = every30Days(stripe, 3000, "Plan");
    long created = now();
    long anchor = created + 10 * DAY;
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer).addItem(item(monthlyish, 1))
        .setBillingCycleAnchor(anchor).setCollectionMethod(CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L).build());
    assertEquals("active", s.getStatus());
    assertEquals(anchor, s.getBillingCycleAnchor());
    assertEquals(created, firstItem(s).getCurrentPeriodStart());
    assertEquals(anchor, firstItem(s).getCurrentPeriodEnd());
    // The first period is [created, anchor): 10 days of a 30-day period that costs 30.00,
    // so 3000 × 10/30 = 1000, exactly 10.00.
    Invoice first = invoice(s);
    assertEquals(List.of(1000L), lineAmounts(first));
    assertEquals(1000L, first.getAmountDue());
    assertEquals(true, proration(first.getLines().getData().get(0)));
    assertEquals(anchor, first.getLines().getData().get(0).getPeriod().getEnd());

    // With proration_behavior=none the short first period is free: paid at once, so active even charged automatically.
    Subscription free = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(item(monthlyish, 1)).setBillingCycleAnchor(anchor).setProrationBehavior(SubscriptionCreateParams.ProrationBehavior.NONE).build());
    assertEquals("active", free.getStatus());
    Invoice nothing = invoice(free);
    assertEquals("paid", nothing.getStatus());
    assertEquals(0L, nothing.getAmountDue());
  }

  // ---- read ----------------------------------------------------------------------------------

  @Test
  void retrieveExpandsTheLatestInvoiceAndTheCustomer() throws StripeException {
    Subscription s = invoiced(customer, monthly(stripe, 1000, "Seat"), 1);
    Subscription plain = stripe.v1().subscriptions().retrieve(s.getId());
    assertEquals(s.getRawJsonObject(), plain.getRawJsonObject());
    assertTrue(plain.getRawJsonObject().get("customer").isJsonPrimitive());

    Subscription expanded = stripe.v1().subscriptions().retrieve(s.getId(),
        SubscriptionRetrieveParams.builder().addExpand("latest_invoice").addExpand("customer").build());
    assertEquals(s.getLatestInvoice(), expanded.getLatestInvoice());
    assertEquals(s.getLatestInvoice(), expanded.getLatestInvoiceObject().getId());
    assertEquals(1000L, expanded.getLatestInvoiceObject().getAmountDue());
    assertEquals(customer, expanded.getCustomer());
    assertEquals("Jenny Rosen", expanded.getCustomerObject().getName());
  }

  @Test
  void listFiltersByCustomerStatusAndPriceAndPaginates() throws StripeException {
    Price basic = monthly(stripe, 1000, "Basic");
    Price pro = monthly(stripe, 5000, "Pro");
    String other = newCustomer("Other Customer");
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Subscription s1 = invoiced(customer, basic, 1);
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Subscription s2 = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer).addItem(item(pro, 1))
        .setTrialPeriodDays(7L).build());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Subscription s3 = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer).addItem(item(basic, 2)).build());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Subscription s4 = invoiced(other, basic, 1);
    stripe.v1().subscriptions().cancel(s1.getId());
    assertEquals("trialing", s2.getStatus());
    assertEquals("incomplete", s3.getStatus());

    // Without a status, canceled subscriptions are left out; status=all brings them back.
    assertEquals(List.of(s4.getId(), s3.getId(), s2.getId()), ids(stripe.v1().subscriptions().list()));
    assertEquals(List.of(s3.getId(), s2.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer).build())));
    assertEquals(List.of(s3.getId(), s2.getId(), s1.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setCustomer(customer).setStatus(SubscriptionListParams.Status.ALL).build())));
    assertEquals(List.of(s1.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setStatus(SubscriptionListParams.Status.CANCELED).build())));
    assertEquals(List.of(s2.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setStatus(SubscriptionListParams.Status.TRIALING).build())));
    assertEquals(List.of(s3.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setCustomer(customer).setStatus(SubscriptionListParams.Status.INCOMPLETE).build())));
    assertEquals(List.of(s4.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setStatus(SubscriptionListParams.Status.ACTIVE).build())));
    assertEquals(List.of(s4.getId(), s3.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setPrice(basic.getId()).build())));
    assertEquals(List.of(s4.getId(), s3.getId(), s1.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setPrice(basic.getId()).setStatus(SubscriptionListParams.Status.ALL).build())));
    assertEquals(List.of(s2.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setCustomer(customer).setPrice(pro.getId()).build())));
    assertEquals(List.of(), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setCustomer(other).setPrice(pro.getId()).build())));

    // Pages of two, newest first, both directions.
    SubscriptionListParams.Builder all = SubscriptionListParams.builder().setCustomer(customer).setStatus(SubscriptionListParams.Status.ALL).setLimit(2L);
    StripeCollection<Subscription> page1 = stripe.v1().subscriptions().list(all.build());
    assertEquals(List.of(s3.getId(), s2.getId()), ids(page1));
    assertEquals(true, page1.getHasMore());
    assertEquals("/v1/subscriptions", page1.getUrl());
    StripeCollection<Subscription> page2 = stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer)
        .setStatus(SubscriptionListParams.Status.ALL).setLimit(2L).setStartingAfter(s2.getId()).build());
    assertEquals(List.of(s1.getId()), ids(page2));
    assertEquals(false, page2.getHasMore());
    StripeCollection<Subscription> back = stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer)
        .setStatus(SubscriptionListParams.Status.ALL).setLimit(2L).setEndingBefore(s1.getId()).build());
    assertEquals(List.of(s3.getId(), s2.getId()), ids(back));
    List<String> paged = new ArrayList<>();
    for (Subscription s : stripe.v1().subscriptions().list(SubscriptionListParams.builder().setStatus(SubscriptionListParams.Status.ALL)
        .setLimit(1L).build()).autoPagingIterable()) {
      paged.add(s.getId());
    }
    assertEquals(List.of(s4.getId(), s3.getId(), s2.getId(), s1.getId()), paged);

    // Expansion in lists: data.customer.
    Subscription listed = stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(other).addExpand("data.customer").build())
        .getData().get(0);
    assertEquals("Other Customer", listed.getCustomerObject().getName());
  }

  // ---- update --------------------------------------------------------------------------------

  @Test
  void aQuantityDecreaseWithCreateProrationsLeavesPendingItemsForTheNextInvoice() throws StripeException {
    Price seat = every30Days(stripe, 1000, "Seat");
    Subscription s = invoiced(customer, seat, 5);
    long start = firstItem(s).getCurrentPeriodStart();
    long end = firstItem(s).getCurrentPeriodEnd();
    assertEquals(30 * DAY, end - start);
    String firstInvoice = s.getLatestInvoice();

    // 5 → 3 seats at 10.00 each, 10 days into the 30-day period: 20 days (2/3 of it) remain.
    //   credit for the unused time on 5 seats: −round(5 × 1000 × 20/30) = −round(3333.33) = −3333
    //   charge for the remaining time on 3:    +round(3 × 1000 × 20/30) = +2000
    // create_prorations: both wait as pending invoice items; no invoice now.
    advanceDays(10);
    Subscription updated = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setQuantity(3L).build())
        .setProrationBehavior(ProrationBehavior.CREATE_PRORATIONS).setProrationDate(start + 10 * DAY).build());
    assertEquals(3L, firstItem(updated).getQuantity());
    assertEquals(firstItem(s).getId(), firstItem(updated).getId());
    assertEquals(start, firstItem(updated).getCurrentPeriodStart(), "same interval: the period stays");
    assertEquals(end, firstItem(updated).getCurrentPeriodEnd());
    assertEquals(firstInvoice, updated.getLatestInvoice(), "no invoice for create_prorations");
    assertEquals(1, invoicesOf(s).size());
    assertEquals("active", updated.getStatus());

    // The next invoice (the renewal) carries them: (−3333 + 2000) + 3 × 1000 for the next period = 1667.
    // (stripe-java sends an Idempotency-Key with every POST, whose record would count: this one goes without.)
    int stored = TestStack.itemsOwnedBy(account);
    assertEquals(200, TestStack.post("/v1/invoices/create_preview", merchant.testSecretKey(), "subscription=" + s.getId()).status());
    assertEquals(stored, TestStack.itemsOwnedBy(account), "a preview writes nothing");
    Invoice next = preview(updated);
    assertEquals("draft", next.getStatus());
    assertNull(next.getNumber());
    assertEquals(List.of(-3333L, 2000L, 3000L), lineAmounts(next));
    List<InvoiceLineItem> lines = next.getLines().getData();
    assertEquals(true, proration(lines.get(0)));
    assertEquals(5L, lines.get(0).getQuantity());
    assertEquals(true, proration(lines.get(1)));
    assertEquals(3L, lines.get(1).getQuantity());
    assertEquals(false, proration(lines.get(2)));
    assertEquals(start + 10 * DAY, lines.get(0).getPeriod().getStart());
    assertEquals(end, lines.get(0).getPeriod().getEnd());
    assertEquals(end, lines.get(2).getPeriod().getStart());
    assertEquals(end + 30 * DAY, lines.get(2).getPeriod().getEnd());
    assertEquals(1667L, next.getTotal());
    assertEquals(1667L, next.getAmountDue());
    assertEquals(1, invoicesOf(s).size());

    // A later always_invoice change (3 → 6 seats, 15 days in, half the period left) invoices now, and takes the pending items:
    //   −round(3 × 1000 × 15/30) = −1500, +round(6 × 1000 × 15/30) = +3000, pending −3333 and +2000: total 167.
    advanceDays(5);
    Subscription again = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setQuantity(6L).build())
        .setProrationBehavior(ProrationBehavior.ALWAYS_INVOICE).setProrationDate(start + 15 * DAY).build());
    assertNotEquals(firstInvoice, again.getLatestInvoice());
    Invoice swept = invoice(again);
    assertEquals("subscription_update", swept.getBillingReason());
    assertEquals(List.of(-3333L, 2000L, -1500L, 3000L), lineAmounts(swept));
    assertEquals(167L, swept.getTotal());
    assertEquals(167L, swept.getAmountDue());
    assertEquals("open", swept.getStatus());
    for (InvoiceLineItem line : swept.getLines().getData()) assertEquals(true, proration(line));
    assertTrue(swept.getLines().getData().get(0).getParent().getSubscriptionItemDetails().getInvoiceItem().startsWith("ii_"),
        "the pending credit came from an invoice item");
    assertNull(swept.getLines().getData().get(2).getParent().getSubscriptionItemDetails().getInvoiceItem());

    // Swept once: the next renewal has no prorations left.
    assertEquals(List.of(6000L), lineAmounts(preview(again)));
    assertEvents(account, swept.getId(), "invoice.created", "invoice.finalized");
    assertEventCount(account, "customer.subscription.updated", s.getId(), 2);
  }

  @Test
  void aPriceChangeWithAlwaysInvoiceInvoicesTheProrationsAtOnce() throws StripeException {
    Price basic = every30Days(stripe, 1000, "Basic");
    Price pro = every30Days(stripe, 2000, "Pro");
    Subscription s = invoiced(customer, basic, 1);
    long start = firstItem(s).getCurrentPeriodStart();
    // Basic (10.00) → Pro (20.00) 10 days into 30: −round(1000 × 20/30) = −667, +round(2000 × 20/30) = +1333; 666 due.
    advanceDays(10);
    Subscription updated = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setPrice(pro.getId()).build())
        .setProrationBehavior(ProrationBehavior.ALWAYS_INVOICE).setProrationDate(start + 10 * DAY).build());
    assertEquals(pro.getId(), firstItem(updated).getPrice().getId());
    assertEquals(firstItem(s).getId(), firstItem(updated).getId());
    assertEquals(s.getBillingCycleAnchor(), updated.getBillingCycleAnchor());
    Invoice invoice = invoice(updated);
    assertEquals("subscription_update", invoice.getBillingReason());
    assertEquals(List.of(-667L, 1333L), lineAmounts(invoice));
    assertEquals(basic.getId(), linePrice(invoice.getLines().getData().get(0)));
    assertEquals(pro.getId(), linePrice(invoice.getLines().getData().get(1)));
    assertTrue(invoice.getLines().getData().get(0).getDescription().startsWith("Unused time on 1 × Basic after "),
        invoice.getLines().getData().get(0).getDescription());
    assertTrue(invoice.getLines().getData().get(1).getDescription().startsWith("Remaining time on 1 × Pro after "),
        invoice.getLines().getData().get(1).getDescription());
    assertEquals(666L, invoice.getAmountDue());
    assertEquals(2, invoicesOf(s).size());
    assertEvents(account, invoice.getId(), "invoice.created", "invoice.finalized");
    assertEvents(account, s.getId(), "customer.subscription.updated");
  }

  @Test
  void prorationBehaviorNoneChangesThePriceWithoutAnyLine() throws StripeException {
    Price basic = every30Days(stripe, 1000, "Basic");
    Price pro = every30Days(stripe, 2000, "Pro");
    Subscription s = invoiced(customer, basic, 1);
    advanceDays(10);
    Subscription updated = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setPrice(pro.getId()).build())
        .setProrationBehavior(ProrationBehavior.NONE).build());
    assertEquals(pro.getId(), firstItem(updated).getPrice().getId());
    assertEquals(s.getLatestInvoice(), updated.getLatestInvoice());
    assertEquals(1, invoicesOf(s).size());
    // The new price simply applies from the next period.
    assertEquals(List.of(2000L), lineAmounts(preview(updated)));
  }

  @Test
  void monthlyToYearlyResetsTheAnchorAndInvoicesCreditAndAFullYearNow() throws StripeException {
    Price monthly = monthly(stripe, 1000, "Plan");
    Price yearly = BillingFixtures.recurringPrice(stripe, "usd", 10000, Interval.YEAR, 1, "Plan yearly");
    Subscription s = invoiced(customer, monthly, 1);
    long start = firstItem(s).getCurrentPeriodStart();
    long end = firstItem(s).getCurrentPeriodEnd();
    advanceDays(10);
    long at = now();
    Subscription upgraded = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setPrice(yearly.getId()).build()).build());
    assertEquals(at, upgraded.getBillingCycleAnchor(), "an interval change resets the anchor to now");
    assertEquals(at, firstItem(upgraded).getCurrentPeriodStart());
    assertEquals(plusMonths(at, 12), firstItem(upgraded).getCurrentPeriodEnd());
    // Invoiced at once although create_prorations was the behaviour: the unused 20-odd days of the month
    // (−round(1000 × (end − at) / (end − start)), about −667 or −645 depending on the month's length) and a full year, 10000.
    Invoice invoice = invoice(upgraded);
    long credit = -prorate(1000, end - at, end - start);
    assertTrue(credit <= -600 && credit >= -700, "about 20 of 28–31 days: " + credit);
    assertEquals(List.of(credit, 10000L), lineAmounts(invoice));
    assertEquals(true, proration(invoice.getLines().getData().get(0)));
    assertEquals(false, proration(invoice.getLines().getData().get(1)));
    assertEquals(at, invoice.getLines().getData().get(1).getPeriod().getStart());
    assertEquals(plusMonths(at, 12), invoice.getLines().getData().get(1).getPeriod().getEnd());
    assertEquals("1 × Plan yearly (at 100.00 USD / year)", invoice.getLines().getData().get(1).getDescription());
    assertEquals(10000L + credit, invoice.getAmountDue());
    assertEquals("subscription_update", invoice.getBillingReason());
    assertEquals("active", upgraded.getStatus(), "send_invoice: still active while the invoice is open");
  }

  @Test
  void replacingAMonthlyItemWithAYearlyOneIsAnIntervalChangeToo() throws StripeException {
    Price monthly = every30Days(stripe, 3000, "Plan");
    Price yearly = BillingFixtures.recurringPrice(stripe, "usd", 30000, Interval.YEAR, 1, "Plan yearly");
    Subscription s = invoiced(customer, monthly, 1);
    long start = firstItem(s).getCurrentPeriodStart();
    advanceDays(10);
    long at = now();
    // The monthly item removed, a yearly one added: the same upgrade as a price change on the item.
    //   credit for the monthly item's unused 20 of 30 days: −round(3000 × (start + 30 d − at) / 30 d) ≈ −2000
    //   and the first full year of the new item, 30000, invoiced now; the cycle restarts at the change.
    Subscription upgraded = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setDeleted(true).build())
        .addItem(SubscriptionUpdateParams.Item.builder().setPrice(yearly.getId()).build()).build());
    assertEquals(1, upgraded.getItems().getData().size());
    assertEquals(yearly.getId(), firstItem(upgraded).getPrice().getId());
    assertEquals(at, upgraded.getBillingCycleAnchor());
    assertEquals(at, firstItem(upgraded).getCurrentPeriodStart());
    assertEquals(plusMonths(at, 12), firstItem(upgraded).getCurrentPeriodEnd());
    Invoice invoice = invoice(upgraded);
    assertNotEquals(s.getLatestInvoice(), invoice.getId());
    assertEquals(List.of(-prorate(3000, start + 30 * DAY - at, 30 * DAY), 30000L), lineAmounts(invoice));
    assertEquals(false, proration(invoice.getLines().getData().get(1)));
    assertEquals(plusMonths(at, 12), invoice.getLines().getData().get(1).getPeriod().getEnd());
  }

  @Test
  void changingATrialsQuantityEndsTheTrialAndInvoicesAtOnce() throws StripeException {
    Price seat = every30Days(stripe, 1000, "Seat");
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer).addItem(item(seat, 1))
        .setTrialPeriodDays(14L).setCollectionMethod(CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L).build());
    assertEquals("trialing", s.getStatus());
    advanceDays(3);
    long at = now();
    Subscription updated = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(firstItem(s).getId()).setQuantity(2L).build()).build());
    assertEquals("active", updated.getStatus());
    assertEquals(at, updated.getTrialEnd(), "the trial ended with the change");
    assertEquals(s.getTrialStart(), updated.getTrialStart());
    assertEquals(at, updated.getBillingCycleAnchor());
    assertEquals(at, firstItem(updated).getCurrentPeriodStart());
    assertEquals(at + 30 * DAY, firstItem(updated).getCurrentPeriodEnd());
    // A fresh full period of the new quantity: 2 × 1000, no credit for the free trial.
    Invoice invoice = invoice(updated);
    assertNotEquals(s.getLatestInvoice(), invoice.getId());
    assertEquals(List.of(2000L), lineAmounts(invoice));
    assertEquals(false, proration(invoice.getLines().getData().get(0)));
    assertEquals("subscription_update", invoice.getBillingReason());
    assertEquals("open", invoice.getStatus());
    assertEquals(at + 30 * DAY, invoice.getDueDate());
  }

  @Test
  void cancelAtPeriodEndThenRenew() throws StripeException {
    Subscription s = invoiced(customer, monthly(stripe, 1000, "Seat"), 1);
    long end = firstItem(s).getCurrentPeriodEnd();
    advanceDays(2);
    Subscription cancelling = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true)
        .setCancellationDetails(SubscriptionUpdateParams.CancellationDetails.builder()
            .setFeedback(SubscriptionUpdateParams.CancellationDetails.Feedback.TOO_EXPENSIVE).setComment("Over budget this year").build())
        .build());
    assertEquals("active", cancelling.getStatus(), "it runs until the period ends");
    assertEquals(true, cancelling.getCancelAtPeriodEnd());
    assertEquals(end, cancelling.getCancelAt());
    assertEquals(now(), cancelling.getCanceledAt());
    assertNull(cancelling.getEndedAt());
    assertEquals("cancellation_requested", cancelling.getCancellationDetails().getReason());
    assertEquals("too_expensive", cancelling.getCancellationDetails().getFeedback());
    assertEquals("Over budget this year", cancelling.getCancellationDetails().getComment());
    assertEquals(s.getLatestInvoice(), cancelling.getLatestInvoice());

    Subscription renewed = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(false).build());
    assertEquals("active", renewed.getStatus());
    assertEquals(false, renewed.getCancelAtPeriodEnd());
    assertNull(renewed.getCancelAt());
    assertNull(renewed.getCanceledAt());
    assertNull(renewed.getCancellationDetails().getReason());
    assertNull(renewed.getCancellationDetails().getFeedback());
    assertNull(renewed.getCancellationDetails().getComment());
    assertEventCount(account, "customer.subscription.updated", s.getId(), 2);
  }

  // ---- cancel --------------------------------------------------------------------------------

  @Test
  void cancelNowWithProrationCreditsTheCustomerAndTheNextInvoiceUsesTheCredit() throws StripeException {
    Price plan = every30Days(stripe, 3000, "Plan");
    Subscription s = invoiced(customer, plan, 1);
    stripe.v1().invoices().pay(s.getLatestInvoice(), InvoicePayParams.builder().setPaidOutOfBand(true).build());
    // 10 days used of 30 at 30.00: the unused 20 days are credited, −round(3000 × 20/30) = −2000.
    advanceDays(10);
    long at = now();
    Subscription canceled = stripe.v1().subscriptions().cancel(s.getId(), SubscriptionCancelParams.builder().setProrate(true).setInvoiceNow(true)
        .setCancellationDetails(SubscriptionCancelParams.CancellationDetails.builder()
            .setFeedback(SubscriptionCancelParams.CancellationDetails.Feedback.SWITCHED_SERVICE).build())
        .build());
    assertEquals("canceled", canceled.getStatus());
    assertEquals(at, canceled.getCanceledAt());
    assertEquals(at, canceled.getEndedAt());
    assertEquals("cancellation_requested", canceled.getCancellationDetails().getReason());
    assertEquals("switched_service", canceled.getCancellationDetails().getFeedback());

    // The final invoice: the credit alone, so nothing is due and the 20.00 stays on the balance (negative = credit).
    Invoice last = invoice(canceled);
    assertNotEquals(s.getLatestInvoice(), last.getId());
    assertEquals(List.of(-2000L), lineAmounts(last));
    assertEquals(true, proration(last.getLines().getData().get(0)));
    assertEquals(-2000L, last.getTotal());
    assertEquals(0L, last.getAmountDue());
    assertEquals(0L, last.getStartingBalance());
    assertEquals(-2000L, last.getEndingBalance());
    assertEquals("paid", last.getStatus());
    assertEquals(-2000L, stripe.v1().customers().retrieve(customer).getBalance());

    // The customer's next invoice spends the credit: 30.00 − 20.00 = 10.00 due.
    Subscription next = invoiced(customer, plan, 1);
    Invoice nextInvoice = invoice(next);
    assertEquals(3000L, nextInvoice.getTotal());
    assertEquals(-2000L, nextInvoice.getStartingBalance());
    assertEquals(1000L, nextInvoice.getAmountDue());
    assertEquals(0L, nextInvoice.getEndingBalance());
    assertEquals(0L, stripe.v1().customers().retrieve(customer).getBalance());

    // Canceled is final.
    assertStripeError(InvalidRequestException.class, 400, "subscription_canceled", null, () -> stripe.v1().subscriptions().cancel(s.getId()));
    assertEquals(List.of(s.getId()), ids(stripe.v1().subscriptions().list(SubscriptionListParams.builder()
        .setStatus(SubscriptionListParams.Status.CANCELED).build())));

    assertEvents(account, s.getId(), "customer.subscription.created", "customer.subscription.deleted");
    assertEventCount(account, "customer.subscription.deleted", s.getId(), 1);
    assertEvents(account, last.getId(), "invoice.created", "invoice.finalized", "invoice.paid");
    assertEvents(account, customer, "customer.updated");
  }

  @Test
  void cancelNowWithoutOptionsWritesNoInvoice() throws StripeException {
    Subscription s = invoiced(customer, every30Days(stripe, 3000, "Plan"), 1);
    advanceDays(10);
    Subscription canceled = stripe.v1().subscriptions().cancel(s.getId());
    assertEquals("canceled", canceled.getStatus());
    assertEquals(s.getLatestInvoice(), canceled.getLatestInvoice());
    assertEquals(1, invoicesOf(s).size());
    assertEquals(0L, stripe.v1().customers().retrieve(customer).getBalance());
    assertFalse(stripe.v1().subscriptions().retrieve(s.getId()).getStatus().equals("active"));
    assertNotNull(BillingFixtures.events(account, "customer.subscription.deleted", s.getId()).get(0).object().get("ended_at"));
  }
}
