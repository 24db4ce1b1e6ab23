package io.portico.local;

import static io.portico.local.BillingFixtures.DAY;
import static io.portico.local.BillingFixtures.advanceDays;
import static io.portico.local.BillingFixtures.assertEventCount;
import static io.portico.local.BillingFixtures.assertEvents;
import static io.portico.local.BillingFixtures.every30Days;
import static io.portico.local.BillingFixtures.lineAmounts;
import static io.portico.local.BillingFixtures.monthly;
import static io.portico.local.BillingFixtures.now;
import static io.portico.local.BillingFixtures.recurringPrice;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceCreateParams.Recurring.Interval;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionCreateParams.CollectionMethod;
import com.stripe.param.SubscriptionUpdateParams;
import io.portico.service.AccountService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * invoice through the real stripe-java client: list filters, numbering, pay (once, even when raced),
 * void, finalize, create_preview against what the confirmed change invoices, and the minor units of
 * zero- and three-decimal currencies.
 */
class StripeJavaInvoicesTest {
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
    return stripe.v1().customers().create(CustomerCreateParams.builder().setName(name).build()).getId();
  }

  private Subscription subscribe(String customerId, Price price, long quantity, boolean sendInvoice) throws StripeException {
    SubscriptionCreateParams.Builder b = SubscriptionCreateParams.builder().setCustomer(customerId)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(quantity).build());
    if (sendInvoice) b.setCollectionMethod(CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L);
    return stripe.v1().subscriptions().create(b.build());
  }

  private Invoice latest(Subscription s) throws StripeException {
    return stripe.v1().invoices().retrieve(stripe.v1().subscriptions().retrieve(s.getId()).getLatestInvoice());
  }

  private static List<String> ids(StripeCollection<Invoice> list) {
    return list.getData().stream().map(Invoice::getId).toList();
  }

  private static InvoicePayParams outOfBand() {
    return InvoicePayParams.builder().setPaidOutOfBand(true).build();
  }

  @Test
  void listFiltersByCustomerSubscriptionAndStatusThenRetrieve() throws StripeException {
    Price seat = monthly(stripe, 1000, "Seat");
    String other = newCustomer("Other Customer");
    Subscription s1 = subscribe(customer, seat, 1, true);
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Subscription s2 = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(seat.getId()).build()).setTrialPeriodDays(7L).build());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Subscription s3 = subscribe(other, seat, 2, true);
    String i1 = s1.getLatestInvoice();
    String i2 = s2.getLatestInvoice();
    String i3 = s3.getLatestInvoice();

    assertEquals(List.of(i3, i2, i1), ids(stripe.v1().invoices().list()));
    assertEquals(List.of(i2, i1), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customer).build())));
    assertEquals(List.of(i3), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(other).build())));
    assertEquals(List.of(i1), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(s1.getId()).build())));
    assertEquals(List.of(i2), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setStatus(InvoiceListParams.Status.PAID).build())));
    assertEquals(List.of(i3, i1), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setStatus(InvoiceListParams.Status.OPEN).build())));
    assertEquals(List.of(i1), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customer)
        .setStatus(InvoiceListParams.Status.OPEN).build())));
    assertEquals(List.of(), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(s3.getId())
        .setStatus(InvoiceListParams.Status.PAID).build())));
    assertEquals(List.of(), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setStatus(InvoiceListParams.Status.VOID).build())));

    StripeCollection<Invoice> page = stripe.v1().invoices().list(InvoiceListParams.builder().setLimit(2L).build());
    assertEquals(List.of(i3, i2), ids(page));
    assertEquals(true, page.getHasMore());
    assertEquals("/v1/invoices", page.getUrl());
    assertEquals(List.of(i1), ids(stripe.v1().invoices().list(InvoiceListParams.builder().setLimit(2L).setStartingAfter(i2).build())));

    Invoice retrieved = stripe.v1().invoices().retrieve(i3);
    assertEquals("invoice", retrieved.getObject());
    assertEquals(other, retrieved.getCustomer());
    assertEquals("Other Customer", retrieved.getCustomerName());
    assertEquals(2000L, retrieved.getAmountDue());
    assertEquals(s3.getId(), retrieved.getParent().getSubscriptionDetails().getSubscription());
    assertEquals("subscription_details", retrieved.getParent().getType());
    assertEquals("usd", retrieved.getCurrency());
    assertEquals(false, retrieved.getLivemode());
    assertTrue(retrieved.getInvoicePdf().startsWith(TestStack.get().baseUrl() + "/p/invoice_pdf/"), retrieved.getInvoicePdf());
    Invoice listed = stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(other).build()).getData().get(0);
    assertEquals(retrieved.getNumber(), listed.getNumber());
    assertEquals(retrieved.getLines().getData().get(0).getId(), listed.getLines().getData().get(0).getId());
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().invoices().retrieve("in_doesnotexist"));
  }

  @Test
  void theCollectionMethodFilterPaginatesLikeEveryOther() throws StripeException {
    Price seat = monthly(stripe, 1000, "Seat");
    List<String> sent = new ArrayList<>(); // newest first
    for (int i = 0; i < 3; i++) {
      TestStack.CLOCK.advance(Duration.ofMillis(1));
      sent.add(0, subscribe(customer, seat, 1, true).getLatestInvoice());
      TestStack.CLOCK.advance(Duration.ofMillis(1));
      subscribe(customer, seat, 1, false); // charge_automatically, newer than each send_invoice one
    }
    InvoiceListParams.Builder sendInvoice = InvoiceListParams.builder().setCollectionMethod(InvoiceListParams.CollectionMethod.SEND_INVOICE);
    assertEquals(sent, ids(stripe.v1().invoices().list(sendInvoice.build())));
    StripeCollection<Invoice> first = stripe.v1().invoices().list(InvoiceListParams.builder()
        .setCollectionMethod(InvoiceListParams.CollectionMethod.SEND_INVOICE).setLimit(1L).build());
    assertEquals(List.of(sent.get(0)), ids(first), "a page of one holds the newest matching invoice");
    assertEquals(true, first.getHasMore());
    List<String> paged = new ArrayList<>();
    for (Invoice i : stripe.v1().invoices().list(InvoiceListParams.builder()
        .setCollectionMethod(InvoiceListParams.CollectionMethod.SEND_INVOICE).setLimit(1L).build()).autoPagingIterable()) {
      paged.add(i.getId());
    }
    assertEquals(sent, paged);
    assertEquals(3, stripe.v1().invoices().list(InvoiceListParams.builder()
        .setCollectionMethod(InvoiceListParams.CollectionMethod.CHARGE_AUTOMATICALLY).build()).getData().size());
  }

  @Test
  void simultaneousSubscriptionsOfOneCustomerAllGetTheirOwnNumber() throws StripeException {
    Price seat = monthly(stripe, 1000, "Seat");
    int n = 4;
    List<TestStack.Answer> answers = TestStack.concurrently(n, k -> TestStack.post("/v1/subscriptions", merchant.testSecretKey(),
        "customer=" + customer + "&items[0][price]=" + seat.getId() + "&collection_method=send_invoice&days_until_due=30"));
    List<String> numbers = new ArrayList<>();
    for (TestStack.Answer a : answers) {
      assertEquals(200, a.status(), a.body());
      numbers.add(stripe.v1().invoices().retrieve(a.json().get("latest_invoice").asText()).getNumber());
    }
    String prefix = stripe.v1().customers().retrieve(customer).getInvoicePrefix();
    assertEquals(List.of(prefix + "-0001", prefix + "-0002", prefix + "-0003", prefix + "-0004"), numbers.stream().sorted().toList());
    assertEquals(5L, stripe.v1().customers().retrieve(customer).getNextInvoiceSequence());
  }

  @Test
  void numbersArePrefixThenAFourDigitSequencePerCustomer() throws StripeException {
    Price seat = every30Days(stripe, 1000, "Seat");
    String other = newCustomer("Other Customer");
    Subscription s = subscribe(customer, seat, 1, true);
    advanceDays(1);
    Subscription changed = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(s.getItems().getData().get(0).getId()).setQuantity(2L).build())
        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).build());
    Subscription second = subscribe(customer, seat, 1, true);
    Subscription theirs = subscribe(other, seat, 1, true);

    String prefix = stripe.v1().customers().retrieve(customer).getInvoicePrefix();
    String otherPrefix = stripe.v1().customers().retrieve(other).getInvoicePrefix();
    assertEquals(prefix + "-0001", stripe.v1().invoices().retrieve(s.getLatestInvoice()).getNumber());
    assertEquals(prefix + "-0002", stripe.v1().invoices().retrieve(changed.getLatestInvoice()).getNumber());
    assertEquals(prefix + "-0003", stripe.v1().invoices().retrieve(second.getLatestInvoice()).getNumber());
    assertEquals(otherPrefix + "-0001", stripe.v1().invoices().retrieve(theirs.getLatestInvoice()).getNumber());
    assertEquals(4L, stripe.v1().customers().retrieve(customer).getNextInvoiceSequence());
    assertEquals(2L, stripe.v1().customers().retrieve(other).getNextInvoiceSequence());
  }

  @Test
  void aVoidedInvoiceCannotBePaid() throws StripeException {
    Subscription s = subscribe(customer, monthly(stripe, 1000, "Seat"), 1, true);
    advanceDays(1);
    Invoice voided = stripe.v1().invoices().voidInvoice(s.getLatestInvoice());
    assertEquals("void", voided.getStatus());
    assertEquals(0L, voided.getAmountRemaining());
    assertEquals(0L, voided.getAmountPaid());
    assertEquals(1000L, voided.getAmountDue());
    assertEquals(now(), voided.getStatusTransitions().getVoidedAt());
    assertEquals(voided.getRawJsonObject(), stripe.v1().invoices().retrieve(voided.getId()).getRawJsonObject());
    assertEvents(account, voided.getId(), "invoice.voided");

    assertStripeError(InvalidRequestException.class, 400, "invoice_not_open", null,
        () -> stripe.v1().invoices().pay(voided.getId(), outOfBand()));
    assertStripeError(InvalidRequestException.class, 400, "invoice_not_open", null, () -> stripe.v1().invoices().voidInvoice(voided.getId()));
    assertEquals("void", stripe.v1().invoices().retrieve(voided.getId()).getStatus());
    assertEventCount(account, "invoice.paid", voided.getId(), 0);
  }

  @Test
  void anInvoiceIsPaidOnce() throws StripeException {
    Subscription s = subscribe(customer, monthly(stripe, 1000, "Seat"), 1, true);
    String id = s.getLatestInvoice();
    // Without paid_out_of_band there is nothing to charge (no payment methods yet): a card error, and still open.
    assertStripeError(CardException.class, 402, "payment_method_required", "payment_method", () -> stripe.v1().invoices().pay(id));
    assertEquals("open", stripe.v1().invoices().retrieve(id).getStatus());

    Invoice paid = stripe.v1().invoices().pay(id, outOfBand());
    assertEquals("paid", paid.getStatus());
    assertEquals(1000L, paid.getAmountPaid());
    assertStripeError(InvalidRequestException.class, 400, "invoice_already_paid", null, () -> stripe.v1().invoices().pay(id, outOfBand()));
    assertStripeError(InvalidRequestException.class, 400, "invoice_not_open", null, () -> stripe.v1().invoices().voidInvoice(id));
    assertEquals(paid.getRawJsonObject(), stripe.v1().invoices().retrieve(id).getRawJsonObject());
    assertEventCount(account, "invoice.paid", id, 1);
    assertEquals("active", stripe.v1().subscriptions().retrieve(s.getId()).getStatus());
  }

  @Test
  void eightSimultaneousPaymentsSettleTheInvoiceOnce() throws StripeException {
    // charge_automatically without a payment method: incomplete, waiting for its first invoice.
    Subscription s = subscribe(customer, monthly(stripe, 1000, "Seat"), 1, false);
    assertEquals("incomplete", s.getStatus());
    String id = s.getLatestInvoice();
    List<TestStack.Answer> answers = TestStack.concurrently(8,
        k -> TestStack.post("/v1/invoices/" + id + "/pay", merchant.testSecretKey(), "paid_out_of_band=true"));
    int succeeded = 0;
    List<String> refusals = new ArrayList<>();
    for (TestStack.Answer a : answers) {
      if (a.status() == 200) {
        succeeded++;
        assertEquals("paid", a.json().get("status").asText());
      } else {
        JsonNode error = RefusalCase.assertError(a, 400, "invalid_request_error", "invoice_already_paid", null);
        refusals.add(error.get("code").asText());
      }
    }
    assertEquals(1, succeeded, "exactly one payment settles the invoice: " + answers.stream().map(TestStack.Answer::body).toList());
    assertEquals(7, refusals.size());
    assertEventCount(account, "invoice.paid", id, 1);
    assertEquals("active", stripe.v1().subscriptions().retrieve(s.getId()).getStatus());
    assertEquals(1, BillingFixtures.events(account, "customer.subscription.updated", s.getId()).size(), "reactivated once");
  }

  @Test
  void onlyADraftCanBeFinalized() throws StripeException {
    Subscription open = subscribe(customer, monthly(stripe, 1000, "Seat"), 1, true);
    assertStripeError(InvalidRequestException.class, 400, "invoice_not_editable", null,
        () -> stripe.v1().invoices().finalizeInvoice(open.getLatestInvoice()));
    Subscription trial = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(open.getItems().getData().get(0).getPrice().getId()).build())
        .setTrialPeriodDays(7L).build());
    assertStripeError(InvalidRequestException.class, 400, "invoice_not_editable", null,
        () -> stripe.v1().invoices().finalizeInvoice(trial.getLatestInvoice()));
    assertEquals("open", stripe.v1().invoices().retrieve(open.getLatestInvoice()).getStatus());
  }

  @Test
  void thePreviewOfAChangeIsExactlyWhatTheConfirmedChangeInvoices() throws StripeException {
    // Amounts that do not divide evenly: 9.99 a seat, a change at an odd second, and an earlier pending proration.
    Price seat = every30Days(stripe, 999, "Seat");
    Price team = every30Days(stripe, 1499, "Team seat");
    Subscription s = subscribe(customer, seat, 3, true);
    String item = s.getItems().getData().get(0).getId();
    long start = s.getItems().getData().get(0).getCurrentPeriodStart();
    TestStack.CLOCK.advance(Duration.ofDays(4).plusHours(5).plusSeconds(17));
    stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setQuantity(4L).build()).build()); // pending prorations
    TestStack.CLOCK.advance(Duration.ofDays(3).plusHours(3).plusMinutes(17).plusSeconds(41));
    long prorationDate = now() - 11;
    assertTrue(prorationDate > start + 7 * DAY);

    Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setCustomer(customer).setSubscription(s.getId())
        .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
            .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(item).setPrice(team.getId()).setQuantity(7L).build())
            .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE)
            .setProrationDate(prorationDate).build())
        .build());
    Subscription changed = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setPrice(team.getId()).setQuantity(7L).build())
        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).setProrationDate(prorationDate).build());
    Invoice invoiced = stripe.v1().invoices().retrieve(changed.getLatestInvoice());

    assertEquals(4, invoiced.getLines().getData().size(), "two pending lines and the change's credit and charge");
    assertEquals(lineAmounts(invoiced), lineAmounts(preview));
    assertEquals(invoiced.getSubtotal(), preview.getSubtotal());
    assertEquals(invoiced.getTotal(), preview.getTotal());
    assertEquals(invoiced.getAmountDue(), preview.getAmountDue());
    assertEquals(invoiced.getStartingBalance(), preview.getStartingBalance());
    assertEquals(invoiced.getEndingBalance(), preview.getEndingBalance());
    assertEquals(invoiced.getCurrency(), preview.getCurrency());
    for (int i = 0; i < 4; i++) {
      InvoiceLineItem p = preview.getLines().getData().get(i);
      InvoiceLineItem l = invoiced.getLines().getData().get(i);
      assertEquals(l.getDescription(), p.getDescription());
      assertEquals(l.getQuantity(), p.getQuantity());
      assertEquals(l.getPeriod().getStart(), p.getPeriod().getStart());
      assertEquals(l.getPeriod().getEnd(), p.getPeriod().getEnd());
      assertEquals(BillingFixtures.linePrice(l), BillingFixtures.linePrice(p));
      assertEquals(BillingFixtures.proration(l), BillingFixtures.proration(p));
    }
    // And both are right: 7 × 14.99 for the rest of the period less the 4 × 9.99 credit, plus the earlier pending pair.
    long remaining = start + 30 * DAY - prorationDate;
    long expectedChange = BillingFixtures.prorate(7 * 1499, remaining, 30 * DAY) - BillingFixtures.prorate(4 * 999, remaining, 30 * DAY);
    List<Long> amounts = lineAmounts(invoiced);
    assertEquals(expectedChange, amounts.get(2) + amounts.get(3));
    assertEquals(amounts.stream().mapToLong(Long::longValue).sum(), invoiced.getTotal());
    assertEquals("draft", preview.getStatus());
    assertTrue(preview.getId().startsWith("upcoming_in_"), preview.getId());
  }

  @Test
  void thePreviewOfAnIntervalChangeAtAnEarlierProrationDateIsWhatTheChangeInvoices() throws StripeException {
    Price monthly = monthly(stripe, 1000, "Plan");
    Price yearly = recurringPrice(stripe, "usd", 10000, Interval.YEAR, 1, "Plan yearly");
    Subscription s = subscribe(customer, monthly, 1, true);
    String item = s.getItems().getData().get(0).getId();
    advanceDays(10);
    long prorationDate = now() - 3600; // quoted an hour ago, confirmed now
    Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(s.getId())
        .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
            .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(item).setPrice(yearly.getId()).build())
            .setProrationDate(prorationDate).build())
        .build());
    Subscription changed = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setPrice(yearly.getId()).build()).setProrationDate(prorationDate).build());
    Invoice invoiced = stripe.v1().invoices().retrieve(changed.getLatestInvoice());
    assertEquals(lineAmounts(invoiced), lineAmounts(preview));
    assertEquals(invoiced.getAmountDue(), preview.getAmountDue());
    assertEquals(invoiced.getLines().getData().get(1).getPeriod().getStart(), preview.getLines().getData().get(1).getPeriod().getStart());
    // The new yearly cycle starts where the change is dated, for the anchor as for the item and the invoice line.
    long newStart = changed.getItems().getData().get(0).getCurrentPeriodStart();
    assertEquals(prorationDate, newStart);
    assertEquals(newStart, changed.getBillingCycleAnchor());
    assertEquals(BillingFixtures.plusMonths(newStart, 12), changed.getItems().getData().get(0).getCurrentPeriodEnd());
    assertEquals(newStart, invoiced.getLines().getData().get(1).getPeriod().getStart());
    // and the renewal after it is one year long, not shifted by the hour between quote and confirmation
    Invoice renewal = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(s.getId()).build());
    assertEquals(BillingFixtures.plusMonths(newStart, 12), renewal.getLines().getData().get(0).getPeriod().getStart());
    assertEquals(BillingFixtures.plusMonths(newStart, 24), renewal.getLines().getData().get(0).getPeriod().getEnd());
  }

  @Test
  void zeroDecimalYenAndThreeDecimalDinarAmounts() throws StripeException {
    // JPY has no minor unit: 1500 means ¥1,500; 3 seats are ¥4,500.
    Price yen = recurringPrice(stripe, "jpy", 1500, Interval.MONTH, 1, "Plan");
    Subscription jp = subscribe(customer, yen, 3, true);
    Invoice jpInvoice = latest(jp);
    assertEquals("jpy", jpInvoice.getCurrency());
    assertEquals(List.of(4500L), lineAmounts(jpInvoice));
    assertEquals(4500L, jpInvoice.getAmountDue());
    assertEquals("3 × Plan (at 1,500 JPY / month)", jpInvoice.getLines().getData().get(0).getDescription());

    // A yen proration rounds to whole yen: ¥1,000 every 30 days, 1 → 2 seats 10 days in:
    // −round(1000 × 20/30) = −round(666.67) = −667, +round(2000 × 20/30) = +round(1333.33) = +1333: ¥666.
    String other = newCustomer("Yen Customer");
    Subscription jp30 = subscribe(other, recurringPrice(stripe, "jpy", 1000, Interval.DAY, 30, "Seat"), 1, true);
    long start = jp30.getItems().getData().get(0).getCurrentPeriodStart();
    advanceDays(10);
    Subscription jpChanged = stripe.v1().subscriptions().update(jp30.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(jp30.getItems().getData().get(0).getId()).setQuantity(2L).build())
        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).setProrationDate(start + 10 * DAY).build());
    assertEquals(List.of(-667L, 1333L), lineAmounts(latest(jpChanged)));
    assertEquals(666L, latest(jpChanged).getAmountDue());

    // KWD has three decimals: 12345 is 12.345 KWD; 2 are 24.690 KWD.
    String dinarCustomer = newCustomer("Dinar Customer");
    Price dinar = recurringPrice(stripe, "kwd", 12345, Interval.MONTH, 1, "Plan");
    Subscription kw = subscribe(dinarCustomer, dinar, 2, true);
    Invoice kwInvoice = latest(kw);
    assertEquals("kwd", kwInvoice.getCurrency());
    assertEquals(List.of(24690L), lineAmounts(kwInvoice));
    assertEquals("2 × Plan (at 12.345 KWD / month)", kwInvoice.getLines().getData().get(0).getDescription());

    // A fractional unit amount (1234.5 fils = 1.2345 KWD) is rounded once, on the line: 3 × 1234.5 = 3703.5 → 3704.
    String fractionCustomer = newCustomer("Fraction Customer");
    Price fraction = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("kwd").setUnitAmountDecimal(new java.math.BigDecimal("1234.5"))
        .setRecurring(PriceCreateParams.Recurring.builder().setInterval(Interval.DAY).setIntervalCount(30L).build())
        .setProductData(PriceCreateParams.ProductData.builder().setName("Fine-grained plan").build()).build());
    Subscription kwFraction = subscribe(fractionCustomer, fraction, 3, true);
    assertEquals(List.of(3704L), lineAmounts(latest(kwFraction)));
    // 10 days later, 3 → 1: −round(3 × 1234.5 × 20/30) = −round(2469) = −2469, +round(1234.5 × 20/30) = +823; −1646 on the balance.
    long kwStart = kwFraction.getItems().getData().get(0).getCurrentPeriodStart();
    advanceDays(10);
    Subscription kwChanged = stripe.v1().subscriptions().update(kwFraction.getId(), SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(kwFraction.getItems().getData().get(0).getId()).setQuantity(1L).build())
        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).setProrationDate(kwStart + 10 * DAY).build());
    Invoice credit = latest(kwChanged);
    assertEquals(List.of(-2469L, 823L), lineAmounts(credit));
    assertEquals(0L, credit.getAmountDue());
    assertEquals(-1646L, credit.getEndingBalance());
    assertEquals("paid", credit.getStatus());
    assertEquals(-1646L, stripe.v1().customers().retrieve(fractionCustomer).getBalance());
  }
}
