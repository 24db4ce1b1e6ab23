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
import com.stripe.model.StripeCollection;
import com.stripe.model.TaxId;
import com.stripe.param.CustomerTaxIdCreateParams;
import com.stripe.param.CustomerTaxIdListParams;
import io.portico.service.AccountService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's tax IDs through the real stripe-java client ({@code customers().taxIds()}): create with
 * format validation, retrieve, list with pagination, delete, Stripe's errors, and the events.
 */
class StripeJavaTaxIdsTest {
  private AccountService.CreatedAccount merchant;
  private StripeClient stripe;

  @BeforeEach
  void merchant() {
    merchant = TestStack.newMerchant();
    stripe = TestStack.stripe(merchant.testSecretKey());
  }

  private String newCustomer() throws StripeException {
    return stripe.v1().customers().create().getId();
  }

  /** Creates a tax ID one millisecond after the last, so "newest first" has one answer. */
  private TaxId create(String customer, CustomerTaxIdCreateParams.Type type, String value) throws StripeException {
    TestStack.CLOCK.advance(Duration.ofMillis(1));
    return stripe.v1().customers().taxIds().create(customer, CustomerTaxIdCreateParams.builder().setType(type).setValue(value).build());
  }

  @Test
  void createRetrieveListDelete() throws StripeException {
    String customer = newCustomer();
    TaxId vat = create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "DE123456789");
    assertTrue(vat.getId().startsWith("txi_"), vat.getId());
    assertEquals("tax_id", vat.getObject());
    assertEquals("eu_vat", vat.getType());
    assertEquals("DE123456789", vat.getValue());
    assertEquals("DE", vat.getCountry());
    assertEquals(customer, vat.getCustomer());
    assertFalse(vat.getLivemode());
    assertTrue(vat.getCreated() > 0);
    assertEquals("customer", vat.getOwner().getType());
    assertEquals(customer, vat.getOwner().getCustomer());
    assertEquals("unavailable", vat.getVerification().getStatus(), "formats are checked, no register is asked");
    assertNull(vat.getVerification().getVerifiedName());
    JsonObject raw = vat.getRawJsonObject();
    assertKeys(raw, "id", "object", "country", "created", "customer", "customer_account", "livemode", "owner", "type", "value", "verification");
    assertKeys(raw.getAsJsonObject("owner"), "account", "application", "customer", "customer_account", "type");
    assertKeys(raw.getAsJsonObject("verification"), "status", "verified_address", "verified_name");

    TaxId ein = create(customer, CustomerTaxIdCreateParams.Type.US_EIN, "12-3456789");
    assertEquals("US", ein.getCountry());
    TaxId greek = create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "EL123456789");
    assertEquals("GR", greek.getCountry(), "EL is Greece's VAT prefix");

    TaxId again = stripe.v1().customers().taxIds().retrieve(customer, vat.getId());
    assertEquals(vat.getValue(), again.getValue());

    StripeCollection<TaxId> all = stripe.v1().customers().taxIds().list(customer);
    assertEquals(List.of(greek.getId(), ein.getId(), vat.getId()), all.getData().stream().map(TaxId::getId).toList(), "newest first");
    assertEquals("/v1/customers/" + customer + "/tax_ids", all.getUrl());
    StripeCollection<TaxId> first = stripe.v1().customers().taxIds().list(customer, CustomerTaxIdListParams.builder().setLimit(2L).build());
    assertEquals(2, first.getData().size());
    assertTrue(first.getHasMore());
    StripeCollection<TaxId> rest = stripe.v1().customers().taxIds().list(customer,
        CustomerTaxIdListParams.builder().setLimit(2L).setStartingAfter(ein.getId()).build());
    assertEquals(List.of(vat.getId()), rest.getData().stream().map(TaxId::getId).toList());
    assertFalse(rest.getHasMore());

    TaxId deleted = stripe.v1().customers().taxIds().delete(customer, ein.getId());
    assertTrue(deleted.getDeleted());
    assertEquals(ein.getId(), deleted.getId());
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().taxIds().retrieve(customer, ein.getId()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().taxIds().delete(customer, ein.getId()));
    assertEquals(List.of(greek.getId(), vat.getId()), stripe.v1().customers().taxIds().list(customer).getData().stream().map(TaxId::getId).toList());
  }

  @Test
  void valuesMustHaveTheirTypesFormat() throws StripeException {
    String customer = newCustomer();
    // Valid ones of several types, as Stripe documents them.
    create(customer, CustomerTaxIdCreateParams.Type.GB_VAT, "GB123456789");
    create(customer, CustomerTaxIdCreateParams.Type.AU_ABN, "12345678912");
    create(customer, CustomerTaxIdCreateParams.Type.CH_VAT, "CHE-123.456.789 MWST");
    create(customer, CustomerTaxIdCreateParams.Type.IN_GST, "12ABCDE3456FGZH");
    String other = newCustomer();
    create(other, CustomerTaxIdCreateParams.Type.JP_CN, "1234567891234");
    create(other, CustomerTaxIdCreateParams.Type.BR_CNPJ, "01.234.456/5432-10");
    create(other, CustomerTaxIdCreateParams.Type.CA_BN, "123456789");

    int before = TestStack.itemsOwnedBy(merchant.account().id());
    InvalidRequestException e = assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value",
        () -> create(other, CustomerTaxIdCreateParams.Type.EU_VAT, "DE12345"));
    assertEquals("Invalid value for eu_vat: DE VAT numbers look like DE123456789.", e.getStripeError().getMessage());
    assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value", () -> create(other, CustomerTaxIdCreateParams.Type.EU_VAT, "US123456789"));
    assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value", () -> create(other, CustomerTaxIdCreateParams.Type.GB_VAT, "123"));
    assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value", () -> create(other, CustomerTaxIdCreateParams.Type.US_EIN, "12-34"));
    assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value", () -> create(other, CustomerTaxIdCreateParams.Type.AU_ABN, "1234"));
    assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value", () -> create(other, CustomerTaxIdCreateParams.Type.IN_GST, "12ABCDE"));
    assertStripeError(InvalidRequestException.class, 400, "tax_id_invalid", "value", () -> create(other, CustomerTaxIdCreateParams.Type.CH_VAT, "CHE-123"));
    assertEquals(before, TestStack.itemsOwnedBy(merchant.account().id()), "a refused tax ID writes nothing");

    // A type stripe-java cannot even express: the error lists the valid ones.
    TestStack.Answer unknown = TestStack.post("/v1/customers/" + other + "/tax_ids", merchant.testSecretKey(), "type=xx_vat&value=123");
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("type", unknown.json().at("/error/param").asText());
    assertTrue(unknown.json().at("/error/message").asText().contains("eu_vat"), unknown.body());
    assertEquals(400, TestStack.post("/v1/customers/" + other + "/tax_ids", merchant.testSecretKey(), "type=eu_vat").status(), "value is required");
  }

  @Test
  void anotherCustomersOrMerchantsTaxIdIsNotFound() throws StripeException {
    String customer = newCustomer();
    String other = newCustomer();
    TaxId vat = create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "FRAB123456789");
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().taxIds().retrieve(other, vat.getId()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id",
        () -> stripe.v1().customers().taxIds().delete(other, vat.getId()));
    StripeClient stranger = TestStack.stripe(TestStack.newMerchant().testSecretKey());
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "customer",
        () -> stranger.v1().customers().taxIds().retrieve(customer, vat.getId()));
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "customer",
        () -> stranger.v1().customers().taxIds().create(customer, CustomerTaxIdCreateParams.builder()
            .setType(CustomerTaxIdCreateParams.Type.EU_VAT).setValue("DE123456789").build()));
    assertEquals("FRAB123456789", stripe.v1().customers().taxIds().retrieve(customer, vat.getId()).getValue(), "still there");
  }

  @Test
  void eventsAreWrittenWithTheChange() throws StripeException {
    String customer = newCustomer();
    TaxId vat = create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "NL123456789B12");
    stripe.v1().customers().taxIds().delete(customer, vat.getId());
    BillingFixtures.assertEvents(merchant.account().id(), vat.getId(), "customer.tax_id.created", "customer.tax_id.deleted");
    TestStack.StoredEvent created = BillingFixtures.events(merchant.account().id(), "customer.tax_id.created", vat.getId()).get(0);
    assertEquals("NL123456789B12", created.object().get("value").asText());
    assertEquals(customer, created.object().get("customer").asText());
  }

  @Test
  void aCustomerHasAtMostFiveTaxIds() throws StripeException {
    String customer = newCustomer();
    for (int i = 0; i < 5; i++) create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "DE12345678" + i);
    assertStripeError(InvalidRequestException.class, 400, "tax_id_limit_reached", null,
        () -> create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "DE123456789"));
    assertEquals(5, stripe.v1().customers().taxIds().list(customer).getData().size());
  }

  @Test
  void aDeletedCustomerHasNoTaxIds() throws StripeException {
    String customer = newCustomer();
    create(customer, CustomerTaxIdCreateParams.Type.EU_VAT, "DE123456789");
    stripe.v1().customers().delete(customer);
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "customer",
        () -> stripe.v1().customers().taxIds().list(customer));
  }
}
