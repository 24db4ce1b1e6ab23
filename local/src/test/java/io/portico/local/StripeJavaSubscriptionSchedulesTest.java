package io.portico.local;

import static io.portico.local.BillingFixtures.assertEvents;
import static io.portico.local.BillingFixtures.linePrice;
import static io.portico.local.BillingFixtures.monthly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionScheduleCancelParams;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleListParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionScheduleUpdateParams.Phase;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * subscription_schedule through the real stripe-java client, moved through time with a test
 * clock: a downgrade scheduled for the period end is billed by that renewal, the schedule then
 * releases or cancels its subscription as its end_behavior says; release and cancel by hand.
 */
class StripeJavaSubscriptionSchedulesTest {
  private static final long START = Instant.parse("2027-01-15T00:00:00Z").getEpochSecond();
  private static final long FEB_15 = Instant.parse("2027-02-15T00:00:00Z").getEpochSecond();
  private static final long MAR_15 = Instant.parse("2027-03-15T00:00:00Z").getEpochSecond();

  private StripeClient stripe;
  private String account;
  private TestClock clock;
  private String customer;
  private Price pro;
  private Price basic;

  @BeforeEach
  void customerOnAClockWithACard() throws StripeException {
    var merchant = TestStack.newMerchant();
    account = merchant.account().id();
    stripe = TestStack.stripe(merchant.testSecretKey());
    clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder().setFrozenTime(START).build());
    customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Scheduled").setTestClock(clock.getId()).build()).getId();
    PaymentMethod visa = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder().setCustomer(customer).build());
    stripe.v1().customers().update(customer, CustomerUpdateParams.builder()
        .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(visa.getId()).build()).build());
    pro = monthly(stripe, 3000, "Pro");
    basic = monthly(stripe, 1000, "Basic");
  }

  private Subscription subscribe() throws StripeException {
    return stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(pro.getId()).build()).build());
  }

  private SubscriptionSchedule schedule(Subscription sub, SubscriptionScheduleCreateParams.EndBehavior endBehavior) throws StripeException {
    return stripe.v1().subscriptionSchedules().create(SubscriptionScheduleCreateParams.builder().setFromSubscription(sub.getId())
        .setEndBehavior(endBehavior).build());
  }

  /** Keeps the current phase and adds a month on the cheaper price from the period end. */
  private SubscriptionSchedule downgradeAtPeriodEnd(SubscriptionSchedule schedule) throws StripeException {
    return stripe.v1().subscriptionSchedules().update(schedule.getId(), SubscriptionScheduleUpdateParams.builder()
        .addPhase(Phase.builder().setStartDate(START).setEndDate(FEB_15).addItem(Phase.Item.builder().setPrice(pro.getId()).setQuantity(1L).build()).build())
        .addPhase(Phase.builder().addItem(Phase.Item.builder().setPrice(basic.getId()).setQuantity(1L).build()).build())
        .build());
  }

  private void advanceTo(long at) throws StripeException {
    stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder().setFrozenTime(at).build());
  }

  private List<Invoice> invoices() throws StripeException {
    return stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customer).build()).getData();
  }

  @Test
  void aDowngradeAtPeriodEndIsBilledByTheRenewalThenTheScheduleReleases() throws StripeException {
    Subscription sub = subscribe();
    SubscriptionSchedule schedule = schedule(sub, SubscriptionScheduleCreateParams.EndBehavior.RELEASE);
    assertEquals("subscription_schedule", schedule.getObject());
    assertEquals("active", schedule.getStatus());
    assertEquals(sub.getId(), schedule.getSubscription());
    assertEquals(customer, schedule.getCustomer());
    assertEquals(clock.getId(), schedule.getTestClock());
    assertEquals("release", schedule.getEndBehavior());
    assertEquals(1, schedule.getPhases().size(), "one phase mirroring the subscription");
    assertEquals(START, schedule.getCurrentPhase().getStartDate());
    assertEquals(FEB_15, schedule.getCurrentPhase().getEndDate());
    assertEquals(pro.getId(), schedule.getPhases().get(0).getItems().get(0).getPrice());
    assertEquals(schedule.getId(), stripe.v1().subscriptions().retrieve(sub.getId()).getSchedule());

    SubscriptionSchedule updated = downgradeAtPeriodEnd(schedule);
    assertEquals(2, updated.getPhases().size());
    assertEquals(FEB_15, updated.getPhases().get(1).getStartDate());
    assertEquals(MAR_15, updated.getPhases().get(1).getEndDate(), "the last phase lasts one period by default");
    assertEquals(pro.getId(), stripe.v1().subscriptions().retrieve(sub.getId()).getItems().getData().get(0).getPrice().getId(),
        "nothing changes before the period ends");

    advanceTo(FEB_15 + 3600);
    Subscription renewed = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals(basic.getId(), renewed.getItems().getData().get(0).getPrice().getId());
    assertEquals(FEB_15, renewed.getItems().getData().get(0).getCurrentPeriodStart());
    Invoice renewal = stripe.v1().invoices().retrieve(renewed.getLatestInvoice());
    assertEquals("subscription_cycle", renewal.getBillingReason());
    assertEquals(1000L, renewal.getAmountDue(), "the renewal bills the new phase's price, without proration");
    assertEquals(1, renewal.getLines().getData().size());
    assertEquals(basic.getId(), linePrice(renewal.getLines().getData().get(0)));
    assertEquals("paid", renewal.getStatus());
    SubscriptionSchedule second = stripe.v1().subscriptionSchedules().retrieve(schedule.getId());
    assertEquals("active", second.getStatus());
    assertEquals(FEB_15, second.getCurrentPhase().getStartDate());
    assertEquals(renewed.getSchedule(), schedule.getId());

    advanceTo(MAR_15 + 3600);
    SubscriptionSchedule released = stripe.v1().subscriptionSchedules().retrieve(schedule.getId());
    assertEquals("released", released.getStatus());
    assertEquals(MAR_15, released.getReleasedAt());
    assertEquals(sub.getId(), released.getReleasedSubscription());
    assertNull(released.getSubscription());
    assertNull(released.getCurrentPhase());
    Subscription alone = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals("active", alone.getStatus(), "release: the subscription continues");
    assertNull(alone.getSchedule());
    assertEquals(basic.getId(), alone.getItems().getData().get(0).getPrice().getId());
    assertEquals(List.of(1000L, 1000L, 3000L), invoices().stream().map(Invoice::getAmountDue).toList());
    assertEvents(account, schedule.getId(), "subscription_schedule.created", "subscription_schedule.updated", "subscription_schedule.released");
    assertEvents(account, sub.getId(), "customer.subscription.updated");
  }

  @Test
  void endBehaviorCancelEndsTheSubscriptionWithTheLastPhase() throws StripeException {
    Subscription sub = subscribe();
    SubscriptionSchedule schedule = schedule(sub, SubscriptionScheduleCreateParams.EndBehavior.CANCEL);
    advanceTo(FEB_15 + 3600);
    Subscription ended = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals("canceled", ended.getStatus());
    assertEquals(FEB_15, ended.getEndedAt());
    SubscriptionSchedule completed = stripe.v1().subscriptionSchedules().retrieve(schedule.getId());
    assertEquals("completed", completed.getStatus());
    assertEquals(FEB_15, completed.getCompletedAt());
    assertEquals(1, invoices().size(), "no renewal after the last phase");
    assertEvents(account, schedule.getId(), "subscription_schedule.completed");
    assertEvents(account, sub.getId(), "customer.subscription.deleted");
  }

  @Test
  void releaseLeavesTheSubscriptionRunningAsItIs() throws StripeException {
    Subscription sub = subscribe();
    SubscriptionSchedule schedule = downgradeAtPeriodEnd(schedule(sub, SubscriptionScheduleCreateParams.EndBehavior.CANCEL));
    SubscriptionSchedule released = stripe.v1().subscriptionSchedules().release(schedule.getId());
    assertEquals("released", released.getStatus());
    assertEquals(START, released.getReleasedAt());
    assertEquals(sub.getId(), released.getReleasedSubscription());
    assertNull(stripe.v1().subscriptions().retrieve(sub.getId()).getSchedule());

    advanceTo(FEB_15 + 3600);
    Subscription renewed = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals("active", renewed.getStatus(), "neither canceled nor downgraded: the schedule no longer steers it");
    assertEquals(pro.getId(), renewed.getItems().getData().get(0).getPrice().getId());
    assertEquals(3000L, stripe.v1().invoices().retrieve(renewed.getLatestInvoice()).getAmountDue());
    assertEvents(account, schedule.getId(), "subscription_schedule.released");
  }

  @Test
  void cancelCancelsTheSubscriptionToo() throws StripeException {
    Subscription sub = subscribe();
    SubscriptionSchedule schedule = schedule(sub, SubscriptionScheduleCreateParams.EndBehavior.RELEASE);
    advanceTo(START + 86_400);
    SubscriptionSchedule canceled = stripe.v1().subscriptionSchedules().cancel(schedule.getId(),
        SubscriptionScheduleCancelParams.builder().setProrate(false).build());
    assertEquals("canceled", canceled.getStatus());
    assertEquals(START + 86_400, canceled.getCanceledAt());
    Subscription ended = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals("canceled", ended.getStatus());
    assertEquals("cancellation_requested", ended.getCancellationDetails().getReason());
    assertEvents(account, schedule.getId(), "subscription_schedule.canceled");
  }

  @Test
  void cancelingTheSubscriptionItselfEndsItsSchedule() throws StripeException {
    Subscription sub = subscribe();
    SubscriptionSchedule schedule = schedule(sub, SubscriptionScheduleCreateParams.EndBehavior.RELEASE);
    advanceTo(START + 86_400);
    stripe.v1().subscriptions().cancel(sub.getId());
    SubscriptionSchedule after = stripe.v1().subscriptionSchedules().retrieve(schedule.getId());
    assertEquals("canceled", after.getStatus(), "a schedule cannot outlive its subscription");
    assertEquals(START + 86_400, after.getCanceledAt());
    assertEvents(account, schedule.getId(), "subscription_schedule.canceled");
  }

  @Test
  void listsACustomersSchedules() throws StripeException {
    SubscriptionSchedule first = schedule(subscribe(), SubscriptionScheduleCreateParams.EndBehavior.RELEASE);
    SubscriptionSchedule second = schedule(subscribe(), SubscriptionScheduleCreateParams.EndBehavior.CANCEL);
    var all = stripe.v1().subscriptionSchedules().list(SubscriptionScheduleListParams.builder().setCustomer(customer).build());
    // Both were created at the same (frozen) clock time, so their order is not asserted.
    assertEquals(java.util.Set.of(second.getId(), first.getId()), all.getData().stream().map(SubscriptionSchedule::getId).collect(java.util.stream.Collectors.toSet()));
    var scheduled = stripe.v1().subscriptionSchedules().list(SubscriptionScheduleListParams.builder().setCustomer(customer).setScheduled(true).build());
    assertEquals(0, scheduled.getData().size(), "both have started");
    assertNotNull(all.getUrl());
  }
}
