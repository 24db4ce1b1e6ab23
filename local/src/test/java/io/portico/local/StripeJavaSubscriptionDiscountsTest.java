package io.portico.local;

import static io.portico.local.BillingFixtures.assertEventCount;
import static io.portico.local.BillingFixtures.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Coupon;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.PromotionCode;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.common.EmptyParam;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discounts on subscriptions through stripe-java: coupons and promotion codes named in
 * {@code discounts} reduce the invoices their duration covers (once, repeating, forever), only the
 * lines of the products a coupon applies to, and stop when removed. Every subscription here is on a
 * test clock starting 1 Jan 2027 with a $50.00 monthly price, invoiced (send_invoice) so that each
 * invoice stays readable as issued.
 */
class StripeJavaSubscriptionDiscountsTest {
  private String account;
  private StripeClient stripe;
  private TestClock clock;
  private String customer;
  private Price fifty;

  @BeforeEach
  void clockedCustomerAndPrice() throws StripeException {
    var merchant = TestStack.newMerchant();
    account = merchant.account().id();
    stripe = TestStack.stripe(merchant.testSecretKey());
    clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder().setFrozenTime(at("2027-01-01T00:00:00Z")).build());
    customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Jenny Rosen").setTestClock(clock.getId()).build()).getId();
    fifty = BillingFixtures.monthly(stripe, 5000, "Plan");
  }

  private static long at(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  private void advanceTo(String iso) throws StripeException {
    stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder().setFrozenTime(at(iso)).build());
  }

  private Coupon coupon(CouponCreateParams.Builder params) throws StripeException {
    return stripe.v1().coupons().create(params.build());
  }

  private static CouponCreateParams.Builder percent(long percent, CouponCreateParams.Duration duration) {
    return CouponCreateParams.builder().setPercentOff(BigDecimal.valueOf(percent)).setDuration(duration);
  }

  private Subscription subscribe(SubscriptionCreateParams.Discount discount) throws StripeException {
    return stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(fifty.getId()).build())
        .setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L).addDiscount(discount).build());
  }

  private static SubscriptionCreateParams.Discount withCoupon(Coupon c) {
    return SubscriptionCreateParams.Discount.builder().setCoupon(c.getId()).build();
  }

  /** The subscription's invoices, oldest first, as totals. */
  private List<Long> totals(Subscription s) throws StripeException {
    List<Invoice> invoices = new ArrayList<>(stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(s.getId()).build()).getData());
    Collections.reverse(invoices); // listed newest first
    return invoices.stream().map(Invoice::getTotal).toList();
  }

  @Test
  void aTwentyPercentForeverCouponTakesTenDollarsOffEveryInvoice() throws StripeException {
    Coupon twenty = coupon(percent(20, CouponCreateParams.Duration.FOREVER));
    Subscription s = subscribe(withCoupon(twenty));

    assertEquals(1, s.getDiscounts().size());
    String discount = s.getDiscounts().get(0);
    assertTrue(discount.startsWith("di_"), discount);
    Invoice first = stripe.v1().invoices().retrieve(s.getLatestInvoice());
    // 20% of 5000 = 1000 off: 4000 due.
    assertEquals(5000L, first.getSubtotal());
    assertEquals(4000L, first.getTotal());
    assertEquals(4000L, first.getAmountDue());
    assertEquals(List.of(discount), first.getDiscounts());
    assertEquals(1000L, first.getTotalDiscountAmounts().get(0).getAmount());
    assertEquals(discount, first.getTotalDiscountAmounts().get(0).getDiscount());
    InvoiceLineItem line = first.getLines().getData().get(0);
    assertEquals(5000L, line.getAmount(), "a line keeps its amount; its discount is beside it");
    assertEquals(1000L, line.getDiscountAmounts().get(0).getAmount());
    assertEquals(discount, line.getDiscountAmounts().get(0).getDiscount());

    // The discount object, as the event carries it: the full coupon under source, no end for forever.
    List<TestStack.StoredEvent> created = events(account, "customer.discount.created", discount);
    assertEquals(1, created.size());
    JsonNode d = created.get(0).object();
    assertEquals("discount", d.get("object").asText());
    assertEquals(twenty.getId(), d.at("/source/coupon/id").asText());
    assertEquals("coupon", d.at("/source/type").asText());
    assertEquals(customer, d.get("customer").asText());
    assertEquals(s.getId(), d.get("subscription").asText());
    assertEquals(at("2027-01-01T00:00:00Z"), d.get("start").asLong());
    assertTrue(d.get("end").isNull());
    assertTrue(d.get("invoice").isNull());
    assertEquals(1L, stripe.v1().coupons().retrieve(twenty.getId()).getTimesRedeemed());

    // The next invoice, previewed then issued at renewal: 4000 again.
    Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(s.getId()).build());
    assertEquals(4000L, preview.getTotal());
    advanceTo("2027-02-01T01:00:00Z");
    assertEquals(List.of(4000L, 4000L), totals(s));
  }

  @Test
  void aTenDollarOnceCouponDiscountsOnlyTheFirstInvoice() throws StripeException {
    Coupon ten = coupon(CouponCreateParams.builder().setAmountOff(1000L).setCurrency("usd").setDuration(CouponCreateParams.Duration.ONCE));
    Subscription s = subscribe(withCoupon(ten));
    advanceTo("2027-02-01T01:00:00Z");
    advanceTo("2027-03-01T01:00:00Z");
    // 5000 − 1000 = 4000 on the first invoice; then the full 5000.
    assertEquals(List.of(4000L, 5000L, 5000L), totals(s));
  }

  @Test
  void aTwoMonthRepeatingCouponDiscountsTheInvoicesOfTwoMonths() throws StripeException {
    Coupon twoMonths = coupon(percent(20, CouponCreateParams.Duration.REPEATING).setDurationInMonths(2L));
    Subscription s = subscribe(withCoupon(twoMonths));
    JsonNode d = events(account, "customer.discount.created", s.getDiscounts().get(0)).get(0).object();
    assertEquals(at("2027-03-01T00:00:00Z"), d.get("end").asLong(), "1 Jan + 2 months");
    advanceTo("2027-02-01T01:00:00Z");
    advanceTo("2027-03-01T01:00:00Z");
    // Jan and Feb: 5000 − 20% = 4000; the period starting 1 Mar starts at the discount's end: 5000.
    assertEquals(List.of(4000L, 4000L, 5000L), totals(s));
  }

  @Test
  void aHundredPercentCouponLeavesNothingToPayAndNeedsNoPaymentMethod() throws StripeException {
    Coupon free = coupon(percent(100, CouponCreateParams.Duration.FOREVER));
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(fifty.getId()).build()).addDiscount(withCoupon(free)).build());
    // 100% of 5000 = 5000 off: 0 due, so the invoice is paid at once and charge_automatically needs no card.
    assertEquals("active", s.getStatus());
    Invoice invoice = stripe.v1().invoices().retrieve(s.getLatestInvoice());
    assertEquals(0L, invoice.getTotal());
    assertEquals(0L, invoice.getAmountDue());
    assertEquals("paid", invoice.getStatus());
  }

  @Test
  void aPromotionCodeRedeemsItsCouponAndCountsOnBoth() throws StripeException {
    Coupon fiveOff = coupon(CouponCreateParams.builder().setAmountOff(500L).setCurrency("usd").setDuration(CouponCreateParams.Duration.FOREVER));
    PromotionCode code = stripe.v1().promotionCodes().create(StripeJavaPromotionCodesTest.forCoupon(fiveOff.getId())
        .setRestrictions(PromotionCodeCreateParams.Restrictions.builder().setMinimumAmount(5000L).setMinimumAmountCurrency("usd").build())
        .build());
    Subscription s = subscribe(SubscriptionCreateParams.Discount.builder().setPromotionCode(code.getId()).build());
    // A period costs 5000, the code's minimum exactly; 5000 − 500 = 4500.
    assertEquals(List.of(4500L), totals(s));
    JsonNode d = events(account, "customer.discount.created", s.getDiscounts().get(0)).get(0).object();
    assertEquals(code.getId(), d.get("promotion_code").asText());
    assertEquals(1L, stripe.v1().promotionCodes().retrieve(code.getId()).getTimesRedeemed());
    assertEquals(1L, stripe.v1().coupons().retrieve(fiveOff.getId()).getTimesRedeemed());
  }

  @Test
  void aCouponForAnotherProductLeavesThisLineUndiscounted() throws StripeException {
    Price other = BillingFixtures.monthly(stripe, 2000, "Other plan");
    Coupon otherOnly = coupon(percent(50, CouponCreateParams.Duration.FOREVER)
        .setAppliesTo(CouponCreateParams.AppliesTo.builder().addProduct(other.getProduct()).build()));
    Subscription s = subscribe(withCoupon(otherOnly));
    Invoice invoice = stripe.v1().invoices().retrieve(s.getLatestInvoice());
    // The only line is Plan's, which the coupon does not cover: 0 off, 5000 due.
    assertEquals(5000L, invoice.getTotal());
    assertEquals(0L, invoice.getTotalDiscountAmounts().get(0).getAmount());
    assertTrue(invoice.getLines().getData().get(0).getDiscountAmounts().isEmpty());
  }

  @Test
  void aCouponForOneProductDiscountsOnlyItsLine() throws StripeException {
    Price other = BillingFixtures.monthly(stripe, 2000, "Other plan");
    Coupon otherOnly = coupon(percent(50, CouponCreateParams.Duration.FOREVER)
        .setAppliesTo(CouponCreateParams.AppliesTo.builder().addProduct(other.getProduct()).build()));
    Subscription s = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(fifty.getId()).build())
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(other.getId()).build())
        .setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L).addDiscount(withCoupon(otherOnly))
        .build());
    Invoice invoice = stripe.v1().invoices().retrieve(s.getLatestInvoice());
    // 5000 + 2000 = 7000; 50% of the other plan's 2000 = 1000 off: 6000.
    assertEquals(7000L, invoice.getSubtotal());
    assertEquals(6000L, invoice.getTotal());
    List<InvoiceLineItem> lines = invoice.getLines().getData();
    assertTrue(lines.get(0).getDiscountAmounts().isEmpty());
    assertEquals(1000L, lines.get(1).getDiscountAmounts().get(0).getAmount());
  }

  @Test
  void discountsEmptyRemovesThemFromTheNextInvoices() throws StripeException {
    Coupon twenty = coupon(percent(20, CouponCreateParams.Duration.FOREVER));
    Subscription s = subscribe(withCoupon(twenty));
    String discount = s.getDiscounts().get(0);
    Subscription updated = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder().setDiscounts(EmptyParam.EMPTY).build());
    assertTrue(updated.getDiscounts().isEmpty());
    assertEventCount(account, "customer.discount.deleted", discount, 1);
    advanceTo("2027-02-01T01:00:00Z");
    // 4000 while the coupon applied (20% of 5000 off); the renewal after its removal: 5000.
    assertEquals(List.of(4000L, 5000L), totals(s));
  }

  @Test
  void anUpdateAddsADiscountForTheNextInvoiceAndKeepsOnesNamed() throws StripeException {
    Coupon ten = coupon(CouponCreateParams.builder().setAmountOff(1000L).setCurrency("usd").setDuration(CouponCreateParams.Duration.FOREVER));
    Coupon twenty = coupon(percent(20, CouponCreateParams.Duration.FOREVER));
    Subscription s = subscribe(withCoupon(ten));
    String kept = s.getDiscounts().get(0);
    Subscription updated = stripe.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
        .addDiscount(SubscriptionUpdateParams.Discount.builder().setDiscount(kept).build())
        .addDiscount(SubscriptionUpdateParams.Discount.builder().setCoupon(twenty.getId()).build()).build());
    assertEquals(2, updated.getDiscounts().size());
    assertEquals(kept, updated.getDiscounts().get(0));
    assertNull(events(account, "customer.discount.deleted", kept).stream().findAny().orElse(null));
    advanceTo("2027-02-01T01:00:00Z");
    // First 5000 − 1000 = 4000; at renewal 1000 off, then 20% of the 4000 left = 800: 3200.
    assertEquals(List.of(4000L, 3200L), totals(s));
  }
}
