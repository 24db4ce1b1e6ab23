package io.portico.local;

import static io.portico.local.WireAsserts.assertKeys;
import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.StripeCollection;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.common.EmptyParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** customer through the real stripe-java client: create, retrieve, update, list, delete. */
class StripeJavaCustomersTest {

  static CustomerCreateParams everyField() {
    return CustomerCreateParams.builder()
        .setName("Ada Lovelace")
        .setEmail("ada@example.com")
        .setPhone("+442071234567")
        .setDescription("Analytical engine enthusiast")
        .setAddress(CustomerCreateParams.Address.builder()
            .setLine1("12 St James's Square").setLine2("Flat 3").setCity("London").setState("Greater London")
            .setPostalCode("SW1Y 4JH").setCountry("GB").build())
        .setShipping(CustomerCreateParams.Shipping.builder()
            .setName("Ada L.").setPhone("+442070000000")
            .setAddress(CustomerCreateParams.Shipping.Address.builder()
                .setLine1("1 Dock Road").setCity("Bristol").setPostalCode("BS1 1AA").setCountry("GB").build())
            .build())
        .putMetadata("crm_id", "A-1815")
        .putMetadata("segment", "pioneer")
        .addPreferredLocale("en-GB")
        .addPreferredLocale("fr")
        .setInvoiceSettings(CustomerCreateParams.InvoiceSettings.builder().setFooter("Thank you, Ada.").build())
        .setTaxExempt(CustomerCreateParams.TaxExempt.REVERSE)
        .build();
  }

  static void assertEveryField(Customer c) {
    assertTrue(c.getId().startsWith("cus_"), c.getId());
    assertEquals("customer", c.getObject());
    assertEquals("Ada Lovelace", c.getName());
    assertEquals("ada@example.com", c.getEmail());
    assertEquals("+442071234567", c.getPhone());
    assertEquals("Analytical engine enthusiast", c.getDescription());
    assertEquals("12 St James's Square", c.getAddress().getLine1());
    assertEquals("Flat 3", c.getAddress().getLine2());
    assertEquals("London", c.getAddress().getCity());
    assertEquals("Greater London", c.getAddress().getState());
    assertEquals("SW1Y 4JH", c.getAddress().getPostalCode());
    assertEquals("GB", c.getAddress().getCountry());
    assertEquals("Ada L.", c.getShipping().getName());
    assertEquals("+442070000000", c.getShipping().getPhone());
    assertEquals("1 Dock Road", c.getShipping().getAddress().getLine1());
    assertNull(c.getShipping().getAddress().getLine2());
    assertEquals("Bristol", c.getShipping().getAddress().getCity());
    assertNull(c.getShipping().getAddress().getState());
    assertEquals("BS1 1AA", c.getShipping().getAddress().getPostalCode());
    assertEquals("GB", c.getShipping().getAddress().getCountry());
    assertEquals(Map.of("crm_id", "A-1815", "segment", "pioneer"), c.getMetadata());
    assertEquals(List.of("en-GB", "fr"), c.getPreferredLocales());
    assertEquals("Thank you, Ada.", c.getInvoiceSettings().getFooter());
    assertEquals("reverse", c.getTaxExempt());
    assertDefaults(c);
  }

  /** What Stripe gives every new customer for the fields these tests never send. */
  static void assertDefaults(Customer c) {
    assertEquals(0L, c.getBalance());
    assertNull(c.getCurrency());
    assertNull(c.getDefaultSource());
    assertEquals(false, c.getDelinquent());
    assertNull(c.getDiscount());
    assertTrue(c.getInvoicePrefix().matches("[A-Z0-9]{8}"), c.getInvoicePrefix());
    assertEquals(1L, c.getNextInvoiceSequence());
    assertNull(c.getInvoiceSettings().getDefaultPaymentMethod());
    assertNull(c.getInvoiceSettings().getCustomFields());
    assertNull(c.getInvoiceSettings().getRenderingOptions());
    assertEquals(false, c.getLivemode());
    assertNull(c.getTestClock());
    assertNull(c.getDeleted());
  }

  @Test
  void createWithEveryFieldThenRetrieve() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Customer created = stripe.v1().customers().create(everyField());
    assertEveryField(created);
    assertEquals(TestStack.CLOCK.instant().getEpochSecond(), created.getCreated());
    JsonObject raw = created.getRawJsonObject();
    assertTrue(raw.keySet().containsAll(List.of("id", "object", "address", "balance", "created", "currency", "default_source",
        "delinquent", "description", "discount", "email", "invoice_prefix", "invoice_settings", "livemode", "metadata", "name",
        "next_invoice_sequence", "phone", "preferred_locales", "shipping", "tax_exempt", "test_clock")), raw.keySet().toString());
    assertKeys(raw.getAsJsonObject("address"), "city", "country", "line1", "line2", "postal_code", "state");
    assertKeys(raw.getAsJsonObject("invoice_settings"), "custom_fields", "default_payment_method", "footer", "rendering_options");

    Customer retrieved = stripe.v1().customers().retrieve(created.getId());
    assertEveryField(retrieved);
    assertEquals(created.getInvoicePrefix(), retrieved.getInvoicePrefix());
    assertEquals(created.getRawJsonObject(), retrieved.getRawJsonObject());
  }

  @Test
  void nonAsciiAndFormSpecialCharactersSurviveTheRoundTrip() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    String name = "Zoë & Ångström + 日本 = <b>✓</b>";
    String description = "a=b&c=d; 100% [sure] #1 ?x";
    Customer c = stripe.v1().customers().create(CustomerCreateParams.builder()
        .setName(name).setDescription(description).putMetadata("note 1", "x&y=z+w").build());
    assertEquals(name, c.getName());
    assertEquals(description, c.getDescription());
    assertEquals(Map.of("note 1", "x&y=z+w"), c.getMetadata());
    Customer retrieved = stripe.v1().customers().retrieve(c.getId());
    assertEquals(name, retrieved.getName());
    assertEquals(description, retrieved.getDescription());
    assertEquals(Map.of("note 1", "x&y=z+w"), retrieved.getMetadata());
    assertEquals(name, stripe.v1().customers().list().getData().get(0).getName());
  }

  @Test
  void createWithNothingGivesStripesDefaults() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Customer c = stripe.v1().customers().create();
    assertDefaults(c);
    assertNull(c.getName());
    assertNull(c.getEmail());
    assertNull(c.getPhone());
    assertNull(c.getDescription());
    assertNull(c.getAddress());
    assertNull(c.getShipping());
    assertNull(c.getInvoiceSettings().getFooter());
    assertEquals(Map.of(), c.getMetadata());
    assertEquals(List.of(), c.getPreferredLocales());
    assertEquals("none", c.getTaxExempt());
  }

  @Test
  void updateChangesClearsAndDeletesMetadataKeys() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Customer created = stripe.v1().customers().create(everyField());

    Customer updated = stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder()
        .setName("Augusta Ada King")
        .setDescription(EmptyParam.EMPTY)
        .setPhone(EmptyParam.EMPTY)
        .setAddress(CustomerUpdateParams.Address.builder().setCity("Marylebone").setLine2(EmptyParam.EMPTY).build())
        .setShipping(EmptyParam.EMPTY)
        .putMetadata("segment", "")
        .putMetadata("tier", "gold")
        .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setFooter(EmptyParam.EMPTY).build())
        .setTaxExempt(CustomerUpdateParams.TaxExempt.EXEMPT)
        .build());
    assertEquals(created.getId(), updated.getId());
    assertEquals(created.getCreated(), updated.getCreated());
    assertEquals("Augusta Ada King", updated.getName());
    assertNull(updated.getDescription());
    assertNull(updated.getPhone());
    assertEquals("ada@example.com", updated.getEmail());
    // address fields merge: only what was sent changes
    assertEquals("12 St James's Square", updated.getAddress().getLine1());
    assertNull(updated.getAddress().getLine2());
    assertEquals("Marylebone", updated.getAddress().getCity());
    assertEquals("SW1Y 4JH", updated.getAddress().getPostalCode());
    assertEquals("GB", updated.getAddress().getCountry());
    assertNull(updated.getShipping());
    assertEquals(Map.of("crm_id", "A-1815", "tier", "gold"), updated.getMetadata());
    assertNull(updated.getInvoiceSettings().getFooter());
    assertEquals("exempt", updated.getTaxExempt());
    assertEquals(List.of("en-GB", "fr"), updated.getPreferredLocales());
    assertEquals(created.getInvoicePrefix(), updated.getInvoicePrefix());

    Customer retrieved = stripe.v1().customers().retrieve(created.getId());
    assertEquals(updated.getRawJsonObject(), retrieved.getRawJsonObject());

    // email="" clears the email, metadata="" clears every key, address="" removes the address, tax_exempt="" is none
    Customer cleared = stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder()
        .setEmail(EmptyParam.EMPTY).setMetadata(EmptyParam.EMPTY).setAddress(EmptyParam.EMPTY).setTaxExempt(EmptyParam.EMPTY).build());
    assertNull(cleared.getEmail());
    assertEquals(Map.of(), cleared.getMetadata());
    assertNull(cleared.getAddress());
    assertEquals("none", cleared.getTaxExempt());
    assertEquals("Augusta Ada King", cleared.getName());
  }

  @Test
  void listPaginatesBothWaysAndFiltersByEmail() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    List<String> ids = new ArrayList<>(); // oldest first
    for (int i = 1; i <= 5; i++) {
      TestStack.CLOCK.advance(Duration.ofMillis(1));
      String email = i % 2 == 0 ? "even@example.com" : "odd" + i + "@example.com";
      ids.add(stripe.v1().customers().create(CustomerCreateParams.builder().setName("Customer " + i).setEmail(email).build()).getId());
    }
    String c1 = ids.get(0);
    String c2 = ids.get(1);
    String c3 = ids.get(2);
    String c4 = ids.get(3);
    String c5 = ids.get(4);

    StripeCollection<Customer> all = stripe.v1().customers().list();
    assertEquals("list", all.getObject());
    assertEquals("/v1/customers", all.getUrl());
    assertEquals(List.of(c5, c4, c3, c2, c1), ids(all));
    assertEquals(false, all.getHasMore());
    assertKeys(all.getRawJsonObject(), "object", "data", "has_more", "url");
    assertEquals("Customer 5", all.getData().get(0).getName());

    StripeCollection<Customer> page1 = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).build());
    assertEquals(List.of(c5, c4), ids(page1));
    assertEquals(true, page1.getHasMore());
    StripeCollection<Customer> page2 = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).setStartingAfter(c4).build());
    assertEquals(List.of(c3, c2), ids(page2));
    assertEquals(true, page2.getHasMore());
    StripeCollection<Customer> page3 = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).setStartingAfter(c2).build());
    assertEquals(List.of(c1), ids(page3));
    assertEquals(false, page3.getHasMore());

    // ending_before walks back towards the newest, pages still newest first
    StripeCollection<Customer> back1 = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).setEndingBefore(c1).build());
    assertEquals(List.of(c3, c2), ids(back1));
    assertEquals(true, back1.getHasMore());
    StripeCollection<Customer> back2 = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).setEndingBefore(c3).build());
    assertEquals(List.of(c5, c4), ids(back2));
    assertEquals(false, back2.getHasMore());

    StripeCollection<Customer> even = stripe.v1().customers().list(CustomerListParams.builder().setEmail("even@example.com").build());
    assertEquals(List.of(c4, c2), ids(even));
    assertEquals(false, even.getHasMore());
    StripeCollection<Customer> evenPage = stripe.v1().customers().list(CustomerListParams.builder()
        .setEmail("even@example.com").setLimit(1L).build());
    assertEquals(List.of(c4), ids(evenPage));
    assertEquals(true, evenPage.getHasMore());
    assertEquals(List.of(c2), ids(stripe.v1().customers().list(CustomerListParams.builder()
        .setEmail("even@example.com").setLimit(1L).setStartingAfter(c4).build())));
    assertEquals(List.of(), ids(stripe.v1().customers().list(CustomerListParams.builder().setEmail("nobody@example.com").build())));
    // a plus in the address survives query encoding
    String plus = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada+billing@example.com").build()).getId();
    assertEquals(List.of(plus), ids(stripe.v1().customers().list(CustomerListParams.builder().setEmail("ada+billing@example.com").build())));
    stripe.v1().customers().delete(plus);

    // An email change moves the customer between email filters.
    stripe.v1().customers().update(c2, CustomerUpdateParams.builder().setEmail("odd2@example.com").build());
    assertEquals(List.of(c4), ids(stripe.v1().customers().list(CustomerListParams.builder().setEmail("even@example.com").build())));
    assertEquals(List.of(c2), ids(stripe.v1().customers().list(CustomerListParams.builder().setEmail("odd2@example.com").build())));

    List<String> paged = new ArrayList<>();
    for (Customer c : stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).build()).autoPagingIterable()) {
      paged.add(c.getId());
    }
    assertEquals(List.of(c5, c4, c3, c2, c1), paged);
  }

  @Test
  void deleteThenRetrieveSaysDeletedAndListForgetsIt() throws StripeException {
    StripeClient stripe = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    Customer keep = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("keep@example.com").build());
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    Customer gone = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("gone@example.com").build());

    Customer deleted = stripe.v1().customers().delete(gone.getId());
    assertEquals(gone.getId(), deleted.getId());
    assertEquals("customer", deleted.getObject());
    assertEquals(true, deleted.getDeleted());
    assertKeys(deleted.getRawJsonObject(), "id", "object", "deleted");

    Customer retrieved = stripe.v1().customers().retrieve(gone.getId());
    assertEquals(gone.getId(), retrieved.getId());
    assertEquals(true, retrieved.getDeleted());
    assertNull(retrieved.getEmail());

    assertEquals(List.of(keep.getId()), ids(stripe.v1().customers().list()));
    assertEquals(List.of(), ids(stripe.v1().customers().list(CustomerListParams.builder().setEmail("gone@example.com").build())));
    assertFalse(ids(stripe.v1().customers().list(CustomerListParams.builder().setLimit(100L).build())).contains(gone.getId()));

    // A deleted customer can be neither updated nor deleted again.
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().update(gone.getId(), CustomerUpdateParams.builder().setName("Zombie").build()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> stripe.v1().customers().delete(gone.getId()));
  }

  static List<String> ids(StripeCollection<Customer> list) {
    return list.getData().stream().map(Customer::getId).toList();
  }
}
