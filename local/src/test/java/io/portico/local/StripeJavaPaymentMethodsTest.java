package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerPaymentMethodListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.PaymentMethodRetrieveParams;
import com.stripe.param.PaymentMethodUpdateParams;
import com.stripe.param.common.EmptyParam;
import io.portico.domain.Scope;
import io.portico.domain.payments.ChargeResult;
import io.portico.domain.payments.PaymentProvider;
import io.portico.service.AccountService;
import io.portico.store.PaymentMethodRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * payment_method through the real stripe-java client: create (cards, bank debits, wallets),
 * retrieve, update, attach (also Stripe's pm_card_* test ids), detach, list per customer on both
 * of Stripe's routes, a customer's default, declines, and the card errors Stripe gives.
 */
class StripeJavaPaymentMethodsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private AccountService.CreatedAccount merchant;
  private StripeClient stripe;

  @BeforeEach
  void merchant() {
    merchant = TestStack.newMerchant();
    stripe = TestStack.stripe(merchant.testSecretKey());
  }

  static PaymentMethodCreateParams card(String number, String cvc) {
    return PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
        .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber(number).setExpMonth(12L).setExpYear(2034L).setCvc(cvc).build())
        .build();
  }

  static PaymentMethodCreateParams card(String number) {
    return card(number, "123");
  }

  private PaymentMethod attach(String paymentMethod, String customer) throws StripeException {
    return stripe.v1().paymentMethods().attach(paymentMethod, PaymentMethodAttachParams.builder().setCustomer(customer).build());
  }

  private String newCustomer() throws StripeException {
    return stripe.v1().customers().create().getId();
  }

  /** The payment method as stored, for calling the provider bean directly. */
  private io.portico.domain.PaymentMethod stored(String id) {
    return TestStack.get().context().getBean(PaymentMethodRepository.class).find(new Scope(merchant.account().id(), false), id).value();
  }

  private ChargeResult charge(String paymentMethod, long amount, String currency, String key) {
    return TestStack.get().context().getBean(PaymentProvider.class).charge(merchant.account().id(), stored(paymentMethod), amount, currency, key);
  }

  /** This merchant's events of {@code type}, each as Stripe's event JSON. */
  private List<JsonNode> events(String type) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    var scan = ScanRequest.builder().tableName("BillingTable").filterExpression("#scope = :scope AND kind = :kind AND event_type = :type")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(merchant.account().id() + ":test"), ":kind", AttributeValue.fromS("event"),
            ":type", AttributeValue.fromS(type))).build();
    for (var page : TestStack.get().dynamo().scanPaginator(scan)) {
      for (var item : page.items()) out.add(JSON.readTree(EnhancedDocument.fromAttributeValueMap(item).getJson("data")));
    }
    return out;
  }

  // ---- create and retrieve ------------------------------------------------------------------

  @Test
  void createACardThenRetrieveIt() throws StripeException {
    PaymentMethod pm = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.CARD)
        .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber("4242424242424242").setExpMonth(12L).setExpYear(2034L)
            .setCvc("123").build())
        .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder().setName("Jenny Rosen").setEmail("jenny@example.com")
            .setAddress(PaymentMethodCreateParams.BillingDetails.Address.builder().setPostalCode("10115").setCountry("DE").build()).build())
        .putMetadata("source", "test")
        .build());
    assertTrue(pm.getId().startsWith("pm_"), pm.getId());
    assertEquals("payment_method", pm.getObject());
    assertEquals("card", pm.getType());
    assertEquals(TestStack.CLOCK.instant().getEpochSecond(), pm.getCreated());
    assertNull(pm.getCustomer());
    assertEquals(false, pm.getLivemode());
    assertEquals("unspecified", pm.getAllowRedisplay());
    assertEquals(Map.of("source", "test"), pm.getMetadata());
    assertEquals("Jenny Rosen", pm.getBillingDetails().getName());
    assertEquals("jenny@example.com", pm.getBillingDetails().getEmail());
    assertEquals("10115", pm.getBillingDetails().getAddress().getPostalCode());
    assertNull(pm.getBillingDetails().getAddress().getLine1());
    PaymentMethod.Card c = pm.getCard();
    assertEquals("visa", c.getBrand());
    assertEquals("visa", c.getDisplayBrand());
    assertEquals("4242", c.getLast4());
    assertEquals(12L, c.getExpMonth());
    assertEquals(2034L, c.getExpYear());
    assertEquals("credit", c.getFunding());
    assertEquals("US", c.getCountry());
    assertTrue(c.getFingerprint().matches("[A-Za-z0-9]{16}"), c.getFingerprint());
    assertEquals("unchecked", c.getChecks().getCvcCheck());
    assertEquals("unchecked", c.getChecks().getAddressPostalCodeCheck());
    assertNull(c.getChecks().getAddressLine1Check());
    assertEquals(List.of("visa"), c.getNetworks().getAvailable());
    assertEquals(true, c.getThreeDSecureUsage().getSupported());
    assertNull(c.getWallet());

    JsonObject raw = pm.getRawJsonObject();
    assertKeys(raw, "id", "object", "allow_redisplay", "billing_details", "card", "created", "customer", "livemode", "metadata", "type");
    assertKeys(raw.getAsJsonObject("card"), "brand", "checks", "country", "display_brand", "exp_month", "exp_year", "fingerprint", "funding",
        "generated_from", "last4", "networks", "three_d_secure_usage", "wallet");
    assertKeys(raw.getAsJsonObject("billing_details"), "address", "email", "name", "phone", "tax_id");
    assertKeys(raw.getAsJsonObject("card").getAsJsonObject("checks"), "address_line1_check", "address_postal_code_check", "cvc_check");

    PaymentMethod retrieved = stripe.v1().paymentMethods().retrieve(pm.getId());
    assertEquals(raw, retrieved.getRawJsonObject());
  }

  @Test
  void theSameCardHasTheSameFingerprintInAnAccountOnly() throws StripeException {
    String first = stripe.v1().paymentMethods().create(card("4242424242424242")).getCard().getFingerprint();
    assertEquals(first, stripe.v1().paymentMethods().create(card("4242 4242 4242 4242", "999")).getCard().getFingerprint());
    assertNotEquals(first, stripe.v1().paymentMethods().create(card("5555555555554444")).getCard().getFingerprint());
    StripeClient other = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    assertNotEquals(first, other.v1().paymentMethods().create(card("4242424242424242")).getCard().getFingerprint());
  }

  @Test
  void brandsOfStripesTestCards() throws StripeException {
    assertEquals("mastercard", stripe.v1().paymentMethods().create(card("5555555555554444")).getCard().getBrand());
    PaymentMethod amex = stripe.v1().paymentMethods().create(card("378282246310005", "1234"));
    assertEquals("amex", amex.getCard().getBrand());
    assertEquals("american_express", amex.getCard().getDisplayBrand());
    assertEquals("0005", amex.getCard().getLast4());
    PaymentMethod fromToken = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.Token.builder().setToken("tok_mastercard").build()).build());
    assertEquals("mastercard", fromToken.getCard().getBrand());
    assertEquals("4444", fromToken.getCard().getLast4());
  }

  // ---- attach, list, detach ---------------------------------------------------------------------

  @Test
  void attachListAndDetach() throws Exception {
    String customer = newCustomer();
    String visa = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    TestStack.CLOCK.advance(Duration.ofSeconds(1)); // lists are newest first
    String mastercard = stripe.v1().paymentMethods().create(card("5555555555554444")).getId();
    stripe.v1().paymentMethods().create(card("378282246310005", "1234")); // never attached: in no customer's list

    PaymentMethod attached = attach(visa, customer);
    assertEquals(customer, attached.getCustomer());
    assertEquals(customer, attach(mastercard, customer).getCustomer());
    assertEquals(customer, attach(mastercard, customer).getCustomer(), "attaching again to the same customer changes nothing");

    List<String> viaCustomerRoute = stripe.v1().customers().paymentMethods().list(customer).getData().stream().map(PaymentMethod::getId).toList();
    assertEquals(List.of(mastercard, visa), viaCustomerRoute);
    List<String> viaFilter = stripe.v1().paymentMethods().list(PaymentMethodListParams.builder().setCustomer(customer)
        .setType(PaymentMethodListParams.Type.CARD).build()).getData().stream().map(PaymentMethod::getId).toList();
    assertEquals(List.of(mastercard, visa), viaFilter);
    assertEquals(1, stripe.v1().customers().paymentMethods().list(customer, CustomerPaymentMethodListParams.builder().setLimit(1L).build())
        .getData().size());
    assertTrue(stripe.v1().customers().paymentMethods().list(customer, CustomerPaymentMethodListParams.builder()
        .setType(CustomerPaymentMethodListParams.Type.SEPA_DEBIT).build()).getData().isEmpty());
    assertEquals(visa, stripe.v1().customers().paymentMethods().retrieve(customer, visa).getId());
    assertEquals(3, stripe.v1().paymentMethods().list().getData().size(), "without customer: the account's payment methods");

    PaymentMethod detached = stripe.v1().paymentMethods().detach(visa);
    assertNull(detached.getCustomer());
    assertEquals(List.of(mastercard), stripe.v1().customers().paymentMethods().list(customer).getData().stream().map(PaymentMethod::getId).toList());
    assertNull(stripe.v1().paymentMethods().retrieve(visa).getCustomer(), "a detached payment method can still be retrieved");
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "payment_method",
        () -> stripe.v1().customers().paymentMethods().retrieve(customer, visa));
    assertStripeError(InvalidRequestException.class, 400, "payment_method_unexpected_state", null, () -> attach(visa, customer));
    assertStripeError(InvalidRequestException.class, 400, "payment_method_unexpected_state", null,
        () -> stripe.v1().paymentMethods().detach(visa));

    assertEquals(2, events("payment_method.attached").size());
    List<JsonNode> detachedEvents = events("payment_method.detached");
    assertEquals(1, detachedEvents.size());
    assertEquals(visa, detachedEvents.get(0).at("/data/object/id").asText());
    assertTrue(detachedEvents.get(0).at("/data/object/customer").isNull());
    assertEquals(customer, detachedEvents.get(0).at("/data/previous_attributes/customer").asText());
    assertTrue(events("payment_method.created").isEmpty(), "Stripe has no such event");
  }

  @Test
  void expandCustomer() throws StripeException {
    String customer = newCustomer();
    String pm = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    attach(pm, customer);
    PaymentMethod expanded = stripe.v1().paymentMethods().retrieve(pm, PaymentMethodRetrieveParams.builder().addExpand("customer").build());
    assertEquals(customer, expanded.getCustomerObject().getId());
    assertEquals(customer, expanded.getCustomer());
    assertStripeError(InvalidRequestException.class, 400, "expand_invalid", "expand",
        () -> stripe.v1().paymentMethods().retrieve(pm, PaymentMethodRetrieveParams.builder().addExpand("card").build()));
  }

  // ---- the customer's default -------------------------------------------------------------------

  @Test
  void aCustomersDefaultMustBeAttachedAndDetachingItClearsIt() throws Exception {
    String customer = newCustomer();
    String pm = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    String loose = stripe.v1().paymentMethods().create(card("5555555555554444")).getId();
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "invoice_settings[default_payment_method]",
        () -> stripe.v1().customers().update(customer, defaultPaymentMethod(loose)));
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "invoice_settings[default_payment_method]",
        () -> stripe.v1().customers().update(customer, defaultPaymentMethod("pm_doesnotexist")));
    String someoneElse = newCustomer();
    attach(loose, someoneElse);
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "invoice_settings[default_payment_method]",
        () -> stripe.v1().customers().update(customer, defaultPaymentMethod(loose)));

    attach(pm, customer);
    Customer updated = stripe.v1().customers().update(customer, defaultPaymentMethod(pm));
    assertEquals(pm, updated.getInvoiceSettings().getDefaultPaymentMethod());
    int customerEvents = events("customer.updated").size();

    stripe.v1().paymentMethods().detach(pm);
    assertNull(stripe.v1().customers().retrieve(customer).getInvoiceSettings().getDefaultPaymentMethod(), "detaching the default clears it");
    List<JsonNode> customerUpdates = events("customer.updated");
    assertEquals(customerEvents + 1, customerUpdates.size());
    assertTrue(customerUpdates.stream().anyMatch(e -> e.at("/data/object/invoice_settings/default_payment_method").isNull()
        && pm.equals(e.at("/data/previous_attributes/invoice_settings/default_payment_method").asText())), customerUpdates.toString());
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "invoice_settings[default_payment_method]",
        () -> stripe.v1().customers().update(customer, defaultPaymentMethod(pm)));

    // The default can still be cleared, and detaching a payment method that is not the default leaves the customer alone.
    String second = attach(stripe.v1().paymentMethods().create(card("5555555555554444")).getId(), customer).getId();
    stripe.v1().customers().update(customer, defaultPaymentMethod(second));
    assertNull(stripe.v1().customers().update(customer, CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams.InvoiceSettings
        .builder().setDefaultPaymentMethod(EmptyParam.EMPTY).build()).build()).getInvoiceSettings().getDefaultPaymentMethod());
  }

  private static CustomerUpdateParams defaultPaymentMethod(String pm) {
    return CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(pm).build())
        .build();
  }

  // ---- Stripe's test ids and declines -------------------------------------------------------------

  @Test
  void stripesTestIdsAttachAFreshCardEachTime() throws StripeException {
    String customer = newCustomer();
    PaymentMethod visa = attach("pm_card_visa", customer);
    assertTrue(visa.getId().startsWith("pm_") && !visa.getId().equals("pm_card_visa"), visa.getId());
    assertEquals("visa", visa.getCard().getBrand());
    assertEquals("4242", visa.getCard().getLast4());
    assertEquals(customer, visa.getCustomer());
    PaymentMethod again = attach("pm_card_visa", customer);
    assertNotEquals(visa.getId(), again.getId());
    assertEquals(visa.getCard().getFingerprint(), again.getCard().getFingerprint(), "the same test card");
    assertEquals("mastercard", attach("pm_card_mastercard", customer).getCard().getBrand());
    assertEquals("amex", attach("pm_card_amex", customer).getCard().getBrand());
    assertEquals(4, stripe.v1().customers().paymentMethods().list(customer).getData().size());
  }

  @Test
  void declinedTestCardsCannotBeAttached() throws StripeException {
    String customer = newCustomer();
    int before = TestStack.itemsOwnedBy(merchant.account().id());
    CardException generic = assertStripeError(CardException.class, 402, "card_declined", null, () -> attach("pm_card_chargeDeclined", customer));
    assertEquals("generic_decline", generic.getDeclineCode());
    assertEquals("card_error", generic.getStripeError().getType());
    CardException funds = assertStripeError(CardException.class, 402, "card_declined", null,
        () -> attach("pm_card_chargeDeclinedInsufficientFunds", customer));
    assertEquals("insufficient_funds", funds.getDeclineCode());
    assertEquals(before, TestStack.itemsOwnedBy(merchant.account().id()), "a declined test id leaves nothing behind");

    // Created without a charge (as in Stripe), refused when saved to a customer.
    String expired = stripe.v1().paymentMethods().create(card("4000000000000069")).getId();
    assertStripeError(CardException.class, 402, "expired_card", "exp_month", () -> attach(expired, customer));
    String cvc = stripe.v1().paymentMethods().create(card("4000000000000127")).getId();
    assertStripeError(CardException.class, 402, "incorrect_cvc", "cvc", () -> attach(cvc, customer));
    assertNull(stripe.v1().paymentMethods().retrieve(cvc).getCustomer());
  }

  @Test
  void declinedCardsAreCreatedButDeclinedWhenCharged() throws StripeException {
    String declined = stripe.v1().paymentMethods().create(card("4000000000000002")).getId();
    var generic = assertInstanceOf(ChargeResult.Declined.class, charge(declined, 1000, "usd", "order-1"));
    assertEquals("card_declined", generic.code());
    assertEquals("generic_decline", generic.declineCode());
    String funds = stripe.v1().paymentMethods().create(card("4000000000009995")).getId();
    assertEquals("insufficient_funds", assertInstanceOf(ChargeResult.Declined.class, charge(funds, 1000, "usd", "order-2")).declineCode());
    String good = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    var paid = assertInstanceOf(ChargeResult.Succeeded.class, charge(good, 1000, "usd", "order-3"));
    assertEquals(paid, charge(good, 1000, "usd", "order-3"), "a retried idempotency key is the same charge");
  }

  @Test
  void chargeCustomerFailAttachesAndThenNeverPays() throws StripeException {
    String customer = newCustomer();
    PaymentMethod pm = attach("pm_card_chargeCustomerFail", customer);
    assertEquals(customer, pm.getCustomer());
    assertEquals("0341", pm.getCard().getLast4());
    var declined = assertInstanceOf(ChargeResult.Declined.class, charge(pm.getId(), 500, "eur", "k"));
    assertEquals("card_declined", declined.code());
    String raw = stripe.v1().paymentMethods().create(card("4000000000000341")).getId();
    assertEquals(customer, attach(raw, customer).getCustomer());
    assertInstanceOf(ChargeResult.Declined.class, charge(raw, 500, "eur", "k"));
  }

  // ---- update -----------------------------------------------------------------------------------------

  @Test
  void updateBillingDetailsMetadataAndExpiry() throws Exception {
    String customer = newCustomer();
    String pm = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    assertStripeError(InvalidRequestException.class, 400, "payment_method_unexpected_state", null,
        () -> stripe.v1().paymentMethods().update(pm, PaymentMethodUpdateParams.builder().putMetadata("a", "b").build()));
    attach(pm, customer);
    PaymentMethod updated = stripe.v1().paymentMethods().update(pm, PaymentMethodUpdateParams.builder()
        .setBillingDetails(PaymentMethodUpdateParams.BillingDetails.builder().setName("Jenny Rosen")
            .setAddress(PaymentMethodUpdateParams.BillingDetails.Address.builder().setCity("Berlin").build()).build())
        .setCard(PaymentMethodUpdateParams.Card.builder().setExpMonth(3L).setExpYear(2035L).build())
        .putMetadata("order", "42")
        .setAllowRedisplay(PaymentMethodUpdateParams.AllowRedisplay.ALWAYS)
        .build());
    assertEquals("Jenny Rosen", updated.getBillingDetails().getName());
    assertEquals("Berlin", updated.getBillingDetails().getAddress().getCity());
    assertEquals(3L, updated.getCard().getExpMonth());
    assertEquals(2035L, updated.getCard().getExpYear());
    assertEquals("4242", updated.getCard().getLast4());
    assertEquals(Map.of("order", "42"), updated.getMetadata());
    assertEquals("always", updated.getAllowRedisplay());
    assertEquals(updated.getRawJsonObject(), stripe.v1().paymentMethods().retrieve(pm).getRawJsonObject());

    List<JsonNode> events = events("payment_method.updated");
    assertEquals(1, events.size());
    assertEquals(12, events.get(0).at("/data/previous_attributes/card/exp_month").asInt());
    assertTrue(events.get(0).at("/data/previous_attributes/billing_details/name").isNull());

    assertStripeError(CardException.class, 402, "invalid_expiry_year", "exp_year",
        () -> stripe.v1().paymentMethods().update(pm, PaymentMethodUpdateParams.builder()
            .setCard(PaymentMethodUpdateParams.Card.builder().setExpYear(2001L).build()).build()));
    PaymentMethod cleared = stripe.v1().paymentMethods().update(pm, PaymentMethodUpdateParams.builder().setMetadata(EmptyParam.EMPTY).build());
    assertEquals(Map.of(), cleared.getMetadata());
  }

  // ---- errors ---------------------------------------------------------------------------------------

  @Test
  void cardErrorsAreStripes() {
    int before = TestStack.itemsOwnedBy(merchant.account().id());
    assertStripeError(CardException.class, 402, "incorrect_number", "number", () -> stripe.v1().paymentMethods().create(card("4242424242424241")));
    assertStripeError(CardException.class, 402, "invalid_number", "number", () -> stripe.v1().paymentMethods().create(card("4242")));
    assertStripeError(CardException.class, 402, "invalid_expiry_year", "exp_year", () -> stripe.v1().paymentMethods().create(
        PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.CardDetails.builder()
            .setNumber("4242424242424242").setExpMonth(12L).setExpYear(2020L).build()).build()));
    assertStripeError(CardException.class, 402, "invalid_expiry_month", "exp_month", () -> stripe.v1().paymentMethods().create(
        PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.CardDetails.builder()
            .setNumber("4242424242424242").setExpMonth(13L).setExpYear(2030L).build()).build()));
    assertStripeError(CardException.class, 402, "invalid_cvc", "cvc", () -> stripe.v1().paymentMethods().create(card("4242424242424242", "12")));
    assertStripeError(CardException.class, 402, "invalid_cvc", "cvc", () -> stripe.v1().paymentMethods().create(card("378282246310005", "123")));
    CardException live = assertStripeError(CardException.class, 402, "card_declined", null,
        () -> stripe.v1().paymentMethods().create(card("4111111111111111")));
    assertEquals("test_mode_live_card", live.getDeclineCode());
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "card[number]", () -> stripe.v1().paymentMethods().create(
        PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.CardDetails.builder()
            .setExpMonth(12L).setExpYear(2030L).build()).build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "type", () -> stripe.v1().paymentMethods().create(
        PaymentMethodCreateParams.builder().setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber("4242424242424242").build()).build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "card", () -> stripe.v1().paymentMethods().create(
        PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD).build()));
    assertEquals(before, TestStack.itemsOwnedBy(merchant.account().id()), "refused cards leave nothing behind");
  }

  @Test
  void liveModeHasNoProviderYet() {
    StripeClient live = TestStack.stripe(merchant.liveSecretKey());
    InvalidRequestException e = assertStripeError(InvalidRequestException.class, 400, "livemode_mismatch", null,
        () -> live.v1().paymentMethods().create(card("4242424242424242")));
    assertTrue(e.getStripeError().getMessage().contains("test provider"), e.getMessage());
    assertStripeError(InvalidRequestException.class, 400, "livemode_mismatch", null,
        () -> live.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
            .setCustomer(live.v1().customers().create().getId()).build()));
  }

  @Test
  void attachAndListRefusals() throws StripeException {
    String customer = newCustomer();
    String pm = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "customer", () -> attach(pm, "cus_doesnotexist"));
    String gone = newCustomer();
    stripe.v1().customers().delete(gone);
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "customer", () -> attach(pm, gone));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> attach("pm_doesnotexist", customer));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "customer",
        () -> stripe.v1().paymentMethods().attach(pm, PaymentMethodAttachParams.builder().build()));
    attach(pm, customer);
    String second = newCustomer();
    InvalidRequestException taken = assertStripeError(InvalidRequestException.class, 400, "payment_method_unexpected_state", null,
        () -> attach(pm, second));
    assertTrue(taken.getStripeError().getMessage().contains("already been attached"), taken.getMessage());
    assertEquals(customer, stripe.v1().paymentMethods().retrieve(pm).getCustomer());

    // Another merchant's payment methods and customers do not exist for this one.
    StripeClient other = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> other.v1().paymentMethods().retrieve(pm));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "customer", () -> other.v1().customers().paymentMethods().list(customer));
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "customer",
        () -> stripe.v1().paymentMethods().list(PaymentMethodListParams.builder().setCustomer("cus_doesnotexist").build()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().paymentMethods().retrieve("pm_doesnotexist"));
  }

  @Test
  void aPaymentMethodAttachesToOneCustomerEvenWhenTwoRace() throws StripeException {
    String pm = stripe.v1().paymentMethods().create(card("4242424242424242")).getId();
    List<String> customers = List.of(newCustomer(), newCustomer());
    List<TestStack.Answer> answers = TestStack.concurrently(2, i ->
        TestStack.post("/v1/payment_methods/" + pm + "/attach", merchant.testSecretKey(), "customer=" + customers.get(i)));
    assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), answers.toString());
    assertEquals(1, answers.stream().filter(a -> a.status() == 400).count(), answers.toString());
    String winner = stripe.v1().paymentMethods().retrieve(pm).getCustomer();
    assertTrue(customers.contains(winner));
  }

  // ---- other types -------------------------------------------------------------------------------------

  private static PaymentMethodCreateParams.BillingDetails jenny() {
    return PaymentMethodCreateParams.BillingDetails.builder().setName("Jenny Rosen").setEmail("jenny@example.com")
        .setAddress(PaymentMethodCreateParams.BillingDetails.Address.builder().setLine1("1 Main Street").setPostalCode("EC1A 1BB")
            .setCountry("GB").build()).build();
  }

  @Test
  void bankDebitsAndWallets() throws StripeException {
    PaymentMethod sepa = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.SEPA_DEBIT)
        .setSepaDebit(PaymentMethodCreateParams.SepaDebit.builder().setIban("DE89370400440532013000").build()).setBillingDetails(jenny()).build());
    assertEquals("sepa_debit", sepa.getType());
    assertEquals("37040044", sepa.getSepaDebit().getBankCode());
    assertEquals("DE", sepa.getSepaDebit().getCountry());
    assertEquals("3000", sepa.getSepaDebit().getLast4());
    assertKeys(sepa.getRawJsonObject(), "id", "object", "allow_redisplay", "billing_details", "sepa_debit", "created", "customer", "livemode",
        "metadata", "type");
    assertKeys(sepa.getRawJsonObject().getAsJsonObject("sepa_debit"), "bank_code", "branch_code", "country", "fingerprint", "generated_from",
        "last4");

    PaymentMethod ach = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.US_BANK_ACCOUNT).setBillingDetails(jenny())
        .setUsBankAccount(PaymentMethodCreateParams.UsBankAccount.builder().setRoutingNumber("110000000").setAccountNumber("000123456789")
            .setAccountHolderType(PaymentMethodCreateParams.UsBankAccount.AccountHolderType.INDIVIDUAL).build()).build());
    assertEquals("STRIPE TEST BANK", ach.getUsBankAccount().getBankName());
    assertEquals("6789", ach.getUsBankAccount().getLast4());
    assertEquals("110000000", ach.getUsBankAccount().getRoutingNumber());
    assertEquals("checking", ach.getUsBankAccount().getAccountType());
    assertEquals("individual", ach.getUsBankAccount().getAccountHolderType());

    PaymentMethod bacs = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.BACS_DEBIT)
        .setBacsDebit(PaymentMethodCreateParams.BacsDebit.builder().setSortCode("108800").setAccountNumber("00012345").build())
        .setBillingDetails(jenny()).build());
    assertEquals("108800", bacs.getBacsDebit().getSortCode());
    PaymentMethod becs = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.AU_BECS_DEBIT).setBillingDetails(jenny())
        .setAuBecsDebit(PaymentMethodCreateParams.AuBecsDebit.builder().setBsbNumber("000000").setAccountNumber("000123456").build()).build());
    assertEquals("000000", becs.getAuBecsDebit().getBsbNumber());
    PaymentMethod acss = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.ACSS_DEBIT)
        .setBillingDetails(jenny()).setAcssDebit(PaymentMethodCreateParams.AcssDebit.builder().setInstitutionNumber("000")
            .setTransitNumber("11000").setAccountNumber("000123456789").build()).build());
    assertEquals("11000", acss.getAcssDebit().getTransitNumber());
    PaymentMethod link = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.LINK)
        .setLink(PaymentMethodCreateParams.Link.builder().build()).setBillingDetails(jenny()).build());
    assertEquals("jenny@example.com", link.getLink().getEmail());
    PaymentMethod paypal = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.PAYPAL)
        .setPaypal(PaymentMethodCreateParams.Paypal.builder().build()).setBillingDetails(jenny()).build());
    assertEquals("jenny@example.com", paypal.getPaypal().getPayerEmail());

    String customer = newCustomer();
    attach(sepa.getId(), customer);
    attach(ach.getId(), customer);
    assertEquals(List.of(sepa.getId()), stripe.v1().customers().paymentMethods().list(customer, CustomerPaymentMethodListParams.builder()
        .setType(CustomerPaymentMethodListParams.Type.SEPA_DEBIT).build()).getData().stream().map(PaymentMethod::getId).toList());
    assertEquals(2, stripe.v1().customers().paymentMethods().list(customer).getData().size());
  }

  @Test
  void bankDebitRefusals() {
    int before = TestStack.itemsOwnedBy(merchant.account().id());
    assertStripeError(InvalidRequestException.class, 400, "invalid_bank_account_iban", "sepa_debit[iban]",
        () -> stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.SEPA_DEBIT)
            .setSepaDebit(PaymentMethodCreateParams.SepaDebit.builder().setIban("DE89370400440532013001").build()).setBillingDetails(jenny())
            .build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "billing_details[name]",
        () -> stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.SEPA_DEBIT)
            .setSepaDebit(PaymentMethodCreateParams.SepaDebit.builder().setIban("DE89370400440532013000").build()).build()));
    assertStripeError(InvalidRequestException.class, 400, "routing_number_invalid", "us_bank_account[routing_number]",
        () -> stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.US_BANK_ACCOUNT)
            .setBillingDetails(jenny()).setUsBankAccount(PaymentMethodCreateParams.UsBankAccount.builder().setRoutingNumber("123456789")
                .setAccountNumber("000123456789").build()).build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_unknown", "sepa_debit[iban]",
        () -> stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
            .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber("4242424242424242").setExpMonth(1L).setExpYear(2030L).build())
            .setSepaDebit(PaymentMethodCreateParams.SepaDebit.builder().setIban("DE89370400440532013000").build()).build()));
    assertEquals(before, TestStack.itemsOwnedBy(merchant.account().id()));
  }
}
