package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code invoice.upcoming}: three days before an automatically charged renewal, once per renewal, on a test clock. */
class WebhookUpcomingInvoiceTest {
  private static long at(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  @Test
  void threeDaysBeforeEachRenewalOnce() throws Exception {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    try (WebhookReceiver receiver = WebhookReceiver.ok()) {
      WebhookEndpoint endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(receiver.url())
          .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.INVOICE__UPCOMING).build());
      TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder().setFrozenTime(at("2027-01-10T00:00:00Z")).build());
      Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Renewing").setTestClock(clock.getId()).build());
      PaymentMethod visa = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
      stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
          .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(visa.getId()).build()).build());
      Price monthly = BillingFixtures.monthly(stripe, 1500, "Monthly plan");
      Subscription sub = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
          .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build()).build());
      assertEquals(at("2027-02-10T00:00:00Z"), sub.getItems().getData().get(0).getCurrentPeriodEnd());

      advance(stripe, clock, "2027-02-06T00:00:00Z");
      assertEquals(List.of(), upcoming(stripe), "four days before: not yet");
      advance(stripe, clock, "2027-02-07T01:00:00Z");
      List<Event> first = upcoming(stripe);
      assertEquals(1, first.size());
      assertEquals(at("2027-02-07T01:00:00Z"), first.get(0).getCreated(), "sent as the clock passed three days before");
      Invoice preview = assertInstanceOf(Invoice.class, first.get(0).getDataObjectDeserializer().getObject().orElseThrow());
      assertNull(preview.getId(), "Stripe's upcoming invoice has no id");
      assertEquals(1500L, preview.getAmountDue());
      assertEquals(sub.getId(), preview.getParent().getSubscriptionDetails().getSubscription());
      assertEquals(at("2027-02-10T00:00:00Z"), preview.getPeriodStart());

      advance(stripe, clock, "2027-02-12T00:00:00Z");
      assertEquals(1, upcoming(stripe).size(), "once per renewal");
      // Jumping over three renewals: each gets its notice, dated three days before it.
      advance(stripe, clock, "2027-05-20T00:00:00Z");
      assertEquals(List.of(at("2027-05-07T00:00:00Z"), at("2027-04-07T00:00:00Z"), at("2027-03-07T00:00:00Z"), at("2027-02-07T01:00:00Z")),
          upcoming(stripe).stream().map(Event::getCreated).toList());

      // And the merchant's endpoint got each of them, signed.
      assertTrue(WebhookReceiver.await(() -> receiver.received().size() >= 4, Duration.ofSeconds(20)), "received " + receiver.received().size());
      for (WebhookReceiver.Received r : receiver.received()) assertEquals("invoice.upcoming", r.verify(endpoint.getSecret()).getType());
    }
  }

  private static List<Event> upcoming(StripeClient stripe) throws Exception {
    return stripe.v1().events().list(EventListParams.builder().setType("invoice.upcoming").build()).getData();
  }

  private static void advance(StripeClient stripe, TestClock clock, String to) throws Exception {
    assertEquals("ready", stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder().setFrozenTime(at(to)).build())
        .getStatus());
  }
}
