package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario, moved through time with a test clock: subscribe on 31 January, renew on
 * the last day of February and on 31 March (Stripe's month-end anchoring), then a renewal whose
 * card is declined goes past due, is retried on schedule, and recovers when the customer pays with
 * another card.
 */
class TestClockScenarioTest {
  private static long at(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  @Test
  void monthEndRenewalsThenAFailedRenewalRecoveredByPaying() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
        .setFrozenTime(at("2027-01-31T10:00:00Z")).setName("month ends").build());
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Clocked").setTestClock(clock.getId()).build());
    PaymentMethod visa = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
    stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
        .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(visa.getId()).build()).build());
    Price monthly = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("usd").setUnitAmount(1500L)
        .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
        .setProductData(PriceCreateParams.ProductData.builder().setName("Monthly plan").build()).build());

    Subscription sub = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build()).build());
    assertEquals("active", sub.getStatus(), "the first invoice was charged to the default card");
    assertEquals(at("2027-01-31T10:00:00Z"), sub.getStartDate(), "created at the clock's time, not the real one");
    assertEquals(at("2027-02-28T10:00:00Z"), sub.getItems().getData().get(0).getCurrentPeriodEnd(), "31 Jan + 1 month = 28 Feb");

    advance(stripe, clock, "2027-03-01T00:00:00Z");
    sub = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals(at("2027-02-28T10:00:00Z"), sub.getItems().getData().get(0).getCurrentPeriodStart());
    assertEquals(at("2027-03-31T10:00:00Z"), sub.getItems().getData().get(0).getCurrentPeriodEnd(), "back to the 31st: periods count from the anchor");

    advance(stripe, clock, "2027-04-01T00:00:00Z");
    List<Invoice> invoices = invoices(stripe, customer);
    assertEquals(3, invoices.size(), "created, 28 Feb and 31 Mar");
    for (Invoice i : invoices) {
      assertEquals("paid", i.getStatus(), i.getNumber());
      assertEquals(1500L, i.getAmountPaid());
    }
    assertEquals(at("2027-03-31T10:00:00Z"), invoices.get(0).getPeriodStart());
    assertEquals("subscription_cycle", invoices.get(0).getBillingReason());

    // The customer's card now fails every charge: the 30 April renewal is not paid.
    PaymentMethod failing = stripe.v1().paymentMethods().attach("pm_card_chargeCustomerFail",
        PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
    stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
        .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(failing.getId()).build()).build());
    advance(stripe, clock, "2027-04-30T12:00:00Z");
    sub = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals("past_due", sub.getStatus());
    Invoice april = stripe.v1().invoices().retrieve(sub.getLatestInvoice());
    assertEquals("open", april.getStatus());
    assertEquals(1L, april.getAttemptCount());
    assertEquals(at("2027-04-30T10:00:00Z") + 86_400, april.getNextPaymentAttempt(), "retried a day after the failure");

    // The retry a day later fails too (same card) and schedules the next one two days on.
    advance(stripe, clock, "2027-05-01T12:00:00Z");
    april = stripe.v1().invoices().retrieve(april.getId());
    assertEquals(2L, april.getAttemptCount());
    assertEquals(at("2027-05-01T10:00:00Z") + 2 * 86_400, april.getNextPaymentAttempt());

    // The customer pays with a working card: the invoice is paid and the subscription active again.
    PaymentMethod mastercard = stripe.v1().paymentMethods().attach("pm_card_mastercard",
        PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
    Invoice paid = stripe.v1().invoices().pay(april.getId(), InvoicePayParams.builder().setPaymentMethod(mastercard.getId()).build());
    assertEquals("paid", paid.getStatus());
    assertEquals(1500L, paid.getAmountPaid());
    assertNull(paid.getNextPaymentAttempt(), "nothing left to retry");
    assertEquals("active", stripe.v1().subscriptions().retrieve(sub.getId()).getStatus());
    String aprilId = april.getId();
    var again = assertThrows(com.stripe.exception.InvalidRequestException.class, () -> stripe.v1().invoices().pay(aprilId,
        InvoicePayParams.builder().setPaymentMethod(mastercard.getId()).build()), "an invoice is never paid twice");
    assertEquals("invoice_already_paid", again.getCode());
  }

  @Test
  void afterTheLastRetryTheSubscriptionIsCanceled() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder().setFrozenTime(at("2027-06-01T00:00:00Z")).build());
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setTestClock(clock.getId()).build());
    PaymentMethod failing = stripe.v1().paymentMethods().attach("pm_card_chargeCustomerFail",
        PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
    stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
        .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(failing.getId()).build()).build());
    Price monthly = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("eur").setUnitAmount(500L)
        .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
        .setProductData(PriceCreateParams.ProductData.builder().setName("Monthly").build()).build());
    // A 3-day trial: the subscription exists without a charge, and the trial's end is the first renewal.
    Subscription sub = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build()).setTrialPeriodDays(3L).build());
    assertEquals("trialing", sub.getStatus());

    advance(stripe, clock, "2027-06-04T01:00:00Z"); // trial ends, the first charge fails
    assertEquals("past_due", stripe.v1().subscriptions().retrieve(sub.getId()).getStatus());
    advance(stripe, clock, "2027-06-10T12:00:00Z"); // retries on days 1, 3 and 5 fail: still past due
    assertEquals("past_due", stripe.v1().subscriptions().retrieve(sub.getId()).getStatus());
    advance(stripe, clock, "2027-06-11T12:00:00Z"); // the day-7 retry, the last, fails too
    Subscription ended = stripe.v1().subscriptions().retrieve(sub.getId());
    assertEquals("canceled", ended.getStatus());
    assertEquals("payment_failed", ended.getCancellationDetails().getReason());
    Invoice last = stripe.v1().invoices().retrieve(ended.getLatestInvoice());
    assertEquals(5L, last.getAttemptCount(), "the first attempt and four retries");
    assertNotNull(last.getStatus());
  }

  private static void advance(StripeClient stripe, TestClock clock, String to) throws StripeException {
    TestClock advanced = stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder().setFrozenTime(at(to)).build());
    assertEquals(at(to), advanced.getFrozenTime());
    assertTrue(advanced.getStatus().equals("ready"));
  }

  private static List<Invoice> invoices(StripeClient stripe, Customer customer) throws StripeException {
    return stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customer.getId()).build()).getData();
  }
}
