package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/billing_portal/configurations}: feature hashes with bad values, retired features, the configuration rules. */
class BadInputConfigurationsTest extends RefusalCase {
  private static final String PATH = "/v1/billing_portal/configurations";
  private static final String INVOICES_ON = "features[invoice_history][enabled]=true";

  private TestStack.Answer create(String body) {
    return post(PATH, body);
  }

  private String newConfiguration() {
    TestStack.Answer a = create(INVOICES_ON);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  @Test
  void booleanThatIsNeither() {
    JsonNode e = refused(400, "parameter_invalid_boolean", "features[invoice_history][enabled]",
        () -> create("features[invoice_history][enabled]=maybe"));
    assertTrue(e.get("message").asText().contains("maybe"), e.toString());
  }

  @Test
  void modeNotInTheList() {
    JsonNode e = refused(400, "parameter_invalid", "features[subscription_cancel][mode]",
        () -> create("features[subscription_cancel][enabled]=true&features[subscription_cancel][mode]=sometimes"));
    assertTrue(e.get("message").asText().contains("at_period_end or immediately"), e.toString());
  }

  @Test
  void enumListEntryNotInTheList() {
    refused(400, "parameter_invalid", "features[customer_update][allowed_updates][1]",
        () -> create("features[customer_update][enabled]=true&features[customer_update][allowed_updates][0]=email"
            + "&features[customer_update][allowed_updates][1]=shoe_size"));
  }

  @Test
  void headlineOfSixtyOneCharacters() {
    refused(400, "string_length_exceeds_maximum", "business_profile[headline]",
        () -> create(INVOICES_ON + "&business_profile[headline]=" + "h".repeat(61)));
    String id = newConfiguration();
    refused(400, "string_length_exceeds_maximum", "business_profile[headline]",
        () -> post(PATH + "/" + id, "business_profile[headline]=" + "h".repeat(61)));
  }

  @Test
  void subscriptionPauseIsRetired() {
    JsonNode e = refused(400, "parameter_unknown", "features[subscription_pause]",
        () -> create(INVOICES_ON + "&features[subscription_pause][enabled]=true"));
    assertTrue(e.get("message").asText().contains("retired"), e.toString());
    // also when it is the only feature sent, and on update
    refused(400, "parameter_unknown", "features[subscription_pause]", () -> create("features[subscription_pause][enabled]=false"));
    String id = newConfiguration();
    refused(400, "parameter_unknown", "features[subscription_pause]", () -> post(PATH + "/" + id, "features[subscription_pause][enabled]=false"));
  }

  @Test
  void unknownParameterInsideAFeature() {
    refused(400, "parameter_unknown", "features[subscription_update][foo]",
        () -> create("features[subscription_update][enabled]=false&features[subscription_update][foo]=1"));
    refused(400, "parameter_unknown", "features[made_up][enabled]", () -> create(INVOICES_ON + "&features[made_up][enabled]=true"));
  }

  @Test
  void missingFeaturesAndMissingEnabled() {
    refused(400, "parameter_missing", "features", () -> create("business_profile[headline]=Hi"));
    refused(400, "parameter_missing", "features[subscription_cancel][enabled]", () -> create("features[subscription_cancel][mode]=immediately"));
  }

  @Test
  void activeIsNotACreateParameter() {
    refused(400, "parameter_unknown", "active", () -> create(INVOICES_ON + "&active=false"));
  }

  @Test
  void invalidUrls() {
    refused(400, "url_invalid", "default_return_url", () -> create(INVOICES_ON + "&default_return_url=notaurl"));
    refused(400, "url_invalid", "business_profile[privacy_policy_url]",
        () -> create(INVOICES_ON + "&business_profile[privacy_policy_url]=javascript:alert(1)"));
    refused(400, "url_invalid", "business_profile[terms_of_service_url]",
        () -> create(INVOICES_ON + "&business_profile[terms_of_service_url]=ftp://example.com/terms"));
  }

  @Test
  void priceUpdatesWithoutProducts() {
    refused(400, "parameter_missing", "features[subscription_update][products]",
        () -> create("features[subscription_update][enabled]=true&features[subscription_update][default_allowed_updates][0]=price"));
  }

  @Test
  void elevenProducts() {
    StringBuilder body = new StringBuilder("features[subscription_update][enabled]=true"
        + "&features[subscription_update][default_allowed_updates][0]=price");
    for (int i = 0; i < 11; i++) {
      String p = "&features[subscription_update][products][" + i + "]";
      body.append(p).append("[product]=prod_").append(i).append(p).append("[prices][0]=price_").append(i);
    }
    refused(400, "parameter_invalid", "features[subscription_update][products]", () -> create(body.toString()));
  }

  @Test
  void duplicateProductAndDuplicatePrice() {
    String base = "features[subscription_update][enabled]=true&features[subscription_update][default_allowed_updates][0]=price";
    String p0 = "&features[subscription_update][products][0]";
    String p1 = "&features[subscription_update][products][1]";
    refused(400, "parameter_invalid", "features[subscription_update][products][1][product]",
        () -> create(base + p0 + "[product]=prod_a" + p0 + "[prices][0]=price_1" + p1 + "[product]=prod_a" + p1 + "[prices][0]=price_2"));
    refused(400, "parameter_invalid", "features[subscription_update][products][0][prices][1]",
        () -> create(base + p0 + "[product]=prod_a" + p0 + "[prices][0]=price_1" + p0 + "[prices][1]=price_1"));
  }

  @Test
  void productAndPriceIdsOfTheWrongKind() {
    String p0 = "&features[subscription_update][products][0]";
    refused(400, "resource_missing", "features[subscription_update][products][0][prices][0]",
        () -> create("features[subscription_update][enabled]=true" + p0 + "[product]=prod_a" + p0 + "[prices][0]=prod_b"));
  }

  @Test
  void maximumBelowMinimum() {
    String p0 = "&features[subscription_update][products][0]";
    refused(400, "parameter_invalid", "features[subscription_update][products][0][adjustable_quantity][maximum]",
        () -> create("features[subscription_update][enabled]=true" + p0 + "[product]=prod_a" + p0 + "[prices][0]=price_1"
            + p0 + "[adjustable_quantity][enabled]=true" + p0 + "[adjustable_quantity][minimum]=5"
            + p0 + "[adjustable_quantity][maximum]=2"));
  }

  @Test
  void cancellationReasonsWithoutOptions() {
    refused(400, "parameter_missing", "features[subscription_cancel][cancellation_reason][options]",
        () -> create("features[subscription_cancel][enabled]=true&features[subscription_cancel][cancellation_reason][enabled]=true"));
    // sent, but emptied with ""
    refused(400, "parameter_missing", "features[subscription_cancel][cancellation_reason][options]",
        () -> create("features[subscription_cancel][enabled]=true&features[subscription_cancel][cancellation_reason][enabled]=true"
            + "&features[subscription_cancel][cancellation_reason][options]="));
  }

  @Test
  void paymentMethodConfigurationsAreNotSupported() {
    refused(400, "parameter_invalid", "features[payment_method_update][payment_method_configuration]",
        () -> create("features[payment_method_update][enabled]=true&features[payment_method_update][payment_method_configuration]=pmc_1"));
  }

  @Test
  void unknownConfiguration() {
    JsonNode e = refused(404, "resource_missing", "id", () -> get(PATH + "/bpc_nope"));
    assertEquals("No such billing_portal.configuration: 'bpc_nope'", e.get("message").asText());
    refused(404, "resource_missing", "id", () -> post(PATH + "/bpc_nope", "name=x"));
  }

  @Test
  void anotherMerchantsConfigurationDoesNotExistHere() {
    var other = TestStack.newMerchant();
    TestStack.Answer theirs = TestStack.post(PATH, other.testSecretKey(), INVOICES_ON + "&name=Theirs");
    assertEquals(200, theirs.status(), theirs.body());
    String id = theirs.json().get("id").asText();
    List<String> both = List.of(account, other.account().id());
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> get(PATH + "/" + id));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> post(PATH + "/" + id, "name=Mine"));
  }
}
