package io.portico.local;

import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features;
import com.stripe.param.billingportal.ConfigurationUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.net.RequestOptions;
import io.portico.service.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors reach stripe-java as the right StripeException subclass, with Stripe's code and param. */
class StripeJavaErrorsTest {
  private AccountService.CreatedAccount merchant;
  private StripeClient stripe;

  @BeforeEach
  void merchant() {
    merchant = TestStack.newMerchant();
    stripe = TestStack.stripe(merchant.testSecretKey());
  }

  private static ConfigurationCreateParams.Builder invoicesOnly() {
    return ConfigurationCreateParams.builder()
        .setFeatures(Features.builder().setInvoiceHistory(Features.InvoiceHistory.builder().setEnabled(true).build()).build());
  }

  @Test
  void unknownIdsAreResourceMissing() {
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().retrieve("cus_doesnotexist"));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().update("cus_doesnotexist", CustomerUpdateParams.builder().setName("x").build()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().billingPortal().configurations().retrieve("bpc_doesnotexist"));
    // An id in the query (not the URL) that names nothing is a bad request, as for ids in POST bodies.
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "starting_after",
        () -> stripe.v1().customers().list(CustomerListParams.builder().setStartingAfter("cus_doesnotexist").build()));
  }

  @Test
  void anotherMerchantsObjectsDoNotExistForYou() throws StripeException {
    Customer theirs = TestStack.stripe(TestStack.newMerchant().testSecretKey()).v1().customers().create();
    InvalidRequestException e = assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().retrieve(theirs.getId()));
    assertTrue(e.getStripeError().getMessage().contains(theirs.getId()), e.getMessage());
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "customer",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(theirs.getId()).build()));
  }

  @Test
  void sessionParametersAreChecked() throws StripeException {
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "customer",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer("cus_doesnotexist").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "customer",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().build()));
    String customer = stripe.v1().customers().create().getId();
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "configuration",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
            .setCustomer(customer).setConfiguration("bpc_doesnotexist").build()));
    assertStripeError(InvalidRequestException.class, 400, "url_invalid", "return_url",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
            .setCustomer(customer).setReturnUrl("not a url").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "flow_data[subscription_cancel]",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
            .setCustomer(customer)
            .setFlowData(SessionCreateParams.FlowData.builder().setType(SessionCreateParams.FlowData.Type.SUBSCRIPTION_CANCEL).build())
            .build()));
    String deleted = stripe.v1().customers().create().getId();
    stripe.v1().customers().delete(deleted);
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "customer",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(deleted).build()));
    String inactive = stripe.v1().billingPortal().configurations().create(invoicesOnly().build()).getId();
    stripe.v1().billingPortal().configurations().update(inactive, ConfigurationUpdateParams.builder().setActive(false).build());
    assertStripeError(InvalidRequestException.class, 400, "configuration_inactive", "configuration",
        () -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
            .setCustomer(customer).setConfiguration(inactive).build()));
  }

  @Test
  void configurationParametersAreChecked() {
    Features.SubscriptionUpdate.Builder eleven = Features.SubscriptionUpdate.builder().setEnabled(true);
    for (int i = 0; i < 11; i++) {
      eleven.addProduct(Features.SubscriptionUpdate.Product.builder().setProduct("prod_" + i).addPrice("price_" + i).build());
    }
    int before = TestStack.itemsOwnedBy(merchant.account().id());
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "features[subscription_update][products]",
        () -> stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder()
            .setFeatures(Features.builder().setSubscriptionUpdate(eleven.build()).build()).build()));
    assertEquals(before, TestStack.itemsOwnedBy(merchant.account().id()), "a refused create writes nothing");

    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "features",
        () -> stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder().setName("no features").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_missing", "features[subscription_cancel][enabled]",
        () -> stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder()
            .setFeatures(Features.builder().setSubscriptionCancel(Features.SubscriptionCancel.builder()
                .setMode(Features.SubscriptionCancel.Mode.IMMEDIATELY).build()).build())
            .build()));
    assertStripeError(InvalidRequestException.class, 400, "resource_missing", "features[subscription_update][products][0][product]",
        () -> stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder()
            .setFeatures(Features.builder().setSubscriptionUpdate(Features.SubscriptionUpdate.builder().setEnabled(true)
                .addProduct(Features.SubscriptionUpdate.Product.builder().setProduct("basic").addPrice("price_1").build()).build()).build())
            .build()));
    assertStripeError(InvalidRequestException.class, 400, "url_invalid", "default_return_url",
        () -> stripe.v1().billingPortal().configurations().create(invoicesOnly().setDefaultReturnUrl("ftp://acme.example").build()));
    assertStripeError(InvalidRequestException.class, 400, "string_length_exceeds_maximum", "business_profile[headline]",
        () -> stripe.v1().billingPortal().configurations().create(invoicesOnly()
            .setBusinessProfile(ConfigurationCreateParams.BusinessProfile.builder().setHeadline("h".repeat(61)).build()).build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "features[subscription_cancel][mode]",
        () -> stripe.v1().billingPortal().configurations().create(invoicesOnly()
            .putExtraParam("features[subscription_cancel][enabled]", "true")
            .putExtraParam("features[subscription_cancel][mode]", "someday").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_unknown", "active",
        () -> stripe.v1().billingPortal().configurations().create(invoicesOnly().putExtraParam("active", "false").build()));
  }

  @Test
  void unknownAndMalformedParametersAreRefused() {
    assertStripeError(InvalidRequestException.class, 400, "parameter_unknown", "favourite_colour",
        () -> stripe.v1().customers().create(CustomerCreateParams.builder().putExtraParam("favourite_colour", "teal").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_unknown", "address[planet]",
        () -> stripe.v1().customers().create(CustomerCreateParams.builder()
            .setAddress(CustomerCreateParams.Address.builder().setCity("London").build())
            .putExtraParam("address[planet]", "Earth").build()));
    assertStripeError(InvalidRequestException.class, 400, "email_invalid", "email",
        () -> stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("not-an-email").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid_integer", "limit",
        () -> stripe.v1().customers().list(CustomerListParams.builder().setLimit(101L).build()));
    assertStripeError(InvalidRequestException.class, 400, "expand_invalid", "expand",
        () -> stripe.v1().customers().create(CustomerCreateParams.builder().addExpand("sources").build()));
    assertStripeError(InvalidRequestException.class, 400, "parameter_invalid", "metadata[" + "k".repeat(41) + "]",
        () -> stripe.v1().customers().create(CustomerCreateParams.builder().putMetadata("k".repeat(41), "v").build()));
  }

  @Test
  void aRouteWeDoNotServeIsAnInvalidRequestNotFound() {
    InvalidRequestException e = assertStripeError(InvalidRequestException.class, 404, null, null,
        () -> stripe.v1().customers().search(CustomerSearchParams.builder().setQuery("email:'ada@example.com'").build()));
    assertTrue(e.getStripeError().getMessage().startsWith("Unrecognized request URL (GET: /v1/customers/search)"), e.getMessage());
    // ... but only after authentication, as Stripe does
    assertStripeError(AuthenticationException.class, 401, null, null, () -> TestStack.stripe("sk_test_" + "1".repeat(32)).v1().customers()
        .search(CustomerSearchParams.builder().setQuery("email:'ada@example.com'").build()));
  }

  @Test
  void aWrongKeyIsAnAuthenticationError() {
    StripeClient wrong = TestStack.stripe("sk_test_" + "0".repeat(32));
    AuthenticationException e = assertStripeError(AuthenticationException.class, 401, null, null, () -> wrong.v1().customers().list());
    assertEquals("invalid_request_error", e.getStripeError().getType());
    assertTrue(e.getStripeError().getMessage().startsWith("Invalid API Key provided"), e.getMessage());
    assertStripeError(AuthenticationException.class, 401, null, null,
        () -> TestStack.stripe("pk_test_publishable").v1().customers().create());
  }

  @Test
  void reusingAnIdempotencyKeyWithOtherParametersIsAnIdempotencyError() throws StripeException {
    RequestOptions key = RequestOptions.builder().setIdempotencyKey("create-ada-" + System.nanoTime()).build();
    Customer first = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build(), key);
    Customer replay = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build(), key);
    assertEquals(first.getId(), replay.getId());
    assertEquals("true", replay.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(1, stripe.v1().customers().list().getData().size());

    IdempotencyException e = assertStripeError(IdempotencyException.class, 400, "idempotency_key_in_use", null,
        () -> stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace").build(), key));
    assertEquals("idempotency_error", e.getStripeError().getType());
    assertEquals(1, stripe.v1().customers().list().getData().size());

    // Keys are per account: another merchant may use the same one.
    StripeClient other = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Customer theirs = other.v1().customers().create(CustomerCreateParams.builder().setName("Grace").build(), key);
    assertNotEquals(first.getId(), theirs.getId());
  }
}
