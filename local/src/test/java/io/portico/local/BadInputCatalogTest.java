package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/products} and {@code /v1/prices}: what Stripe refuses, refused with its status, type,
 * code and param, and nothing written (no product, no price, no event, no lookup key).
 */
class BadInputCatalogTest extends RefusalCase {

  private String newProduct() {
    return created(post("/v1/products", "name=Pro"));
  }

  private String newPrice(String product, String extra) {
    return created(post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1000" + extra));
  }

  private static String created(TestStack.Answer a) {
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private TestStack.Answer delete(String path) {
    return TestStack.send("DELETE", path, key, null, null);
  }

  // ---- prices: the product ---------------------------------------------------------------------

  @Test
  void priceOfAnUnknownProduct() {
    JsonNode e = refused(400, "resource_missing", "product", () -> post("/v1/prices", "product=prod_nope&currency=usd&unit_amount=100"));
    assertEquals("No such product: 'prod_nope'", e.get("message").asText());
  }

  @Test
  void priceOfADeletedProduct() {
    String product = newProduct();
    assertEquals(200, delete("/v1/products/" + product).status());
    refused(400, "resource_missing", "product", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=100"));
  }

  @Test
  void priceOfAnotherMerchantsProduct() {
    var other = TestStack.newMerchant();
    String theirs = created(TestStack.post("/v1/products", other.testSecretKey(), "name=Theirs"));
    refused(List.of(account, other.account().id()), 400, INVALID_REQUEST, "resource_missing", "product",
        () -> post("/v1/prices", "product=" + theirs + "&currency=usd&unit_amount=100"));
  }

  @Test
  void bothProductAndProductData() {
    String product = newProduct();
    JsonNode e = refused(400, "parameters_exclusive", "product",
        () -> post("/v1/prices", "product=" + product + "&product_data[name]=Twin&currency=usd&unit_amount=100"));
    assertTrue(e.get("message").asText().contains("product_data"), e.toString());
  }

  @Test
  void neitherProductNorProductData() {
    JsonNode e = refused(400, "parameter_missing", "product", () -> post("/v1/prices", "currency=usd&unit_amount=100"));
    assertTrue(e.get("message").asText().contains("product_data"), e.toString());
    refused(400, "parameter_invalid_empty", "product", () -> post("/v1/prices", "product=&currency=usd&unit_amount=100"));
  }

  @Test
  void productDataIsCheckedLikeAProductAndTakesOnlyStripesFields() {
    refused(400, "parameter_missing", "product_data[name]", () -> post("/v1/prices", "product_data[active]=true&currency=usd&unit_amount=1"));
    // Stripe's product_data takes id, name, active, metadata, statement_descriptor, tax_code and unit_label only
    for (String unknown : List.of("product_data[description]=x", "product_data[images][0]=https://acme.example/a.png",
        "product_data[shippable]=true", "product_data[url]=https://acme.example", "product_data[marketing_features][0][name]=Fast")) {
      refused(400, "parameter_unknown", unknown.substring(0, unknown.indexOf('=')),
          () -> post("/v1/prices", "product_data[name]=P&" + unknown + "&currency=usd&unit_amount=1"));
    }
    refused(400, "parameter_invalid", "product_data[statement_descriptor]",
        () -> post("/v1/prices", "product_data[name]=P&product_data[statement_descriptor]=%3Cb%3E&currency=usd&unit_amount=1"));
    refused(400, "parameter_invalid", "product_data[tax_code]",
        () -> post("/v1/prices", "product_data[name]=P&product_data[tax_code]=general&currency=usd&unit_amount=1"));
    refused(400, "string_length_exceeds_maximum", "product_data[unit_label]",
        () -> post("/v1/prices", "product_data[name]=P&product_data[unit_label]=" + "u".repeat(13) + "&currency=usd&unit_amount=1"));
    String k = "k".repeat(41);
    refused(400, "parameter_invalid", "product_data[metadata][" + k + "]",
        () -> post("/v1/prices", "product_data[name]=P&product_data[metadata][" + k + "]=v&currency=usd&unit_amount=1"));
    refused(400, "parameter_invalid", "product_data[id]",
        () -> post("/v1/prices", "product_data[name]=P&product_data[id]=no+spaces&currency=usd&unit_amount=1"));
  }

  @Test
  void productDataWithATakenId() {
    String id = "team-" + System.nanoTime();
    created(post("/v1/products", "name=Team&id=" + id));
    JsonNode e = refused(400, "resource_already_exists", "product_data[id]",
        () -> post("/v1/prices", "product_data[name]=Team+again&product_data[id]=" + id + "&currency=usd&unit_amount=1"));
    assertTrue(e.get("message").asText().contains(id), e.toString());
    // with a lookup key too, the product id is what is reported
    refused(400, "resource_already_exists", "product_data[id]",
        () -> post("/v1/prices", "product_data[name]=T&product_data[id]=" + id + "&currency=usd&unit_amount=1&lookup_key=free_key"));
    // and the lookup key stayed free
    created(post("/v1/prices", "product_data[name]=T&currency=usd&unit_amount=1&lookup_key=free_key"));
  }

  // ---- prices: currency and amount -------------------------------------------------------------

  @Test
  void unknownOrMissingCurrency() {
    String product = newProduct();
    JsonNode e = refused(400, "parameter_invalid", "currency", () -> post("/v1/prices", "product=" + product + "&currency=xyz&unit_amount=1"));
    assertTrue(e.get("message").asText().contains("xyz"), e.toString());
    refused(400, "parameter_missing", "currency", () -> post("/v1/prices", "product=" + product + "&unit_amount=1"));
    refused(400, "parameter_invalid_empty", "currency", () -> post("/v1/prices", "product=" + product + "&currency=&unit_amount=1"));
  }

  @Test
  void negativeOrTooLargeOrNonIntegerUnitAmount() {
    String product = newProduct();
    refused(400, "parameter_invalid_integer", "unit_amount", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=-1"));
    refused(400, "parameter_invalid_integer", "unit_amount",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=100000000"));
    refused(400, "parameter_invalid_integer", "unit_amount", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=12.5"));
  }

  @Test
  void bothOrNeitherOfUnitAmountAndUnitAmountDecimal() {
    String product = newProduct();
    JsonNode both = refused(400, "parameters_exclusive", "unit_amount",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1250&unit_amount_decimal=1250.5"));
    assertTrue(both.get("message").asText().contains("unit_amount_decimal"), both.toString());
    refused(400, "parameter_missing", "unit_amount", () -> post("/v1/prices", "product=" + product + "&currency=usd"));
  }

  @Test
  void unitAmountDecimalOutOfShape() {
    String product = newProduct();
    JsonNode e = refused(400, "parameter_invalid", "unit_amount_decimal",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount_decimal=0.1234567890123")); // 13 decimals
    assertTrue(e.get("message").asText().contains("12 decimal places"), e.toString());
    refused(400, "parameter_invalid", "unit_amount_decimal", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount_decimal=-0.5"));
    refused(400, "parameter_invalid", "unit_amount_decimal", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount_decimal=abc"));
    refused(400, "parameter_invalid", "unit_amount_decimal",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount_decimal=100000000"));
  }

  // ---- prices: recurrence ----------------------------------------------------------------------

  @Test
  void intervalLongerThanThreeYears() {
    String product = newProduct();
    for (String tooLong : List.of("month&recurring[interval_count]=37", "week&recurring[interval_count]=157",
        "day&recurring[interval_count]=1096", "year&recurring[interval_count]=4")) {
      JsonNode e = refused(400, "parameter_invalid", "recurring[interval_count]",
          () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=" + tooLong));
      assertTrue(e.get("message").asText().contains("three years"), e.toString());
    }
  }

  @Test
  void intervalCountBelowOneOrNotAnInteger() {
    String product = newProduct();
    refused(400, "parameter_invalid_integer", "recurring[interval_count]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=month&recurring[interval_count]=0"));
    refused(400, "parameter_invalid_integer", "recurring[interval_count]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=month&recurring[interval_count]=-3"));
    refused(400, "parameter_invalid_integer", "recurring[interval_count]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=month&recurring[interval_count]=two"));
  }

  @Test
  void unknownOrMissingInterval() {
    String product = newProduct();
    refused(400, "parameter_invalid", "recurring[interval]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=fortnight"));
    refused(400, "parameter_missing", "recurring[interval]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval_count]=2"));
    refused(400, "parameter_invalid", "recurring[usage_type]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=month&recurring[usage_type]=sometimes"));
    refused(400, "parameter_invalid_integer", "recurring[trial_period_days]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=month&recurring[trial_period_days]=731"));
    refused(400, "parameter_invalid", "recurring", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring=month"));
  }

  @Test
  void tieredPricesAndMetersAreNotSupported() {
    String product = newProduct();
    refused(400, "parameter_invalid", "billing_scheme",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&billing_scheme=tiered"));
    refused(400, "parameter_invalid", "recurring[meter]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&recurring[interval]=month&recurring[usage_type]=metered"
            + "&recurring[meter]=mtr_123"));
    refused(400, "parameter_unknown", "tiers_mode", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&tiers_mode=graduated"));
    refused(400, "parameter_unknown", "custom_unit_amount[enabled]",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&custom_unit_amount[enabled]=true&unit_amount=1"));
  }

  @Test
  void otherPriceParameters() {
    String product = newProduct();
    refused(400, "parameter_invalid", "tax_behavior", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&tax_behavior=vat"));
    refused(400, "string_length_exceeds_maximum", "lookup_key",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&lookup_key=" + "k".repeat(201)));
    refused(400, "expand_invalid", "expand", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&expand[0]=customer"));
    refused(400, "parameter_invalid_boolean", "active", () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&active=yes"));
  }

  @Test
  void takenLookupKey() {
    String product = newProduct();
    String holder = newPrice(product, "&lookup_key=standard");
    JsonNode e = refused(400, "lookup_key_taken", "lookup_key",
        () -> post("/v1/prices", "product=" + product + "&currency=usd&unit_amount=1&lookup_key=standard"));
    assertTrue(e.get("message").asText().contains(holder), e.toString());
    String other = newPrice(product, "");
    refused(400, "lookup_key_taken", "lookup_key", () -> post("/v1/prices/" + other, "lookup_key=standard"));
    assertEquals("standard", get("/v1/prices/" + holder).json().get("lookup_key").asText());
  }

  // ---- prices: update --------------------------------------------------------------------------

  @Test
  void immutableFieldsOnUpdate() {
    String price = newPrice(newProduct(), "");
    refused(400, "parameter_unknown", "unit_amount", () -> post("/v1/prices/" + price, "unit_amount=2000"));
    refused(400, "parameter_unknown", "currency", () -> post("/v1/prices/" + price, "currency=eur"));
    refused(400, "parameter_unknown", "unit_amount_decimal", () -> post("/v1/prices/" + price, "unit_amount_decimal=2"));
    refused(400, "parameter_unknown", "recurring[interval]", () -> post("/v1/prices/" + price, "recurring[interval]=month"));
    String another = newProduct();
    refused(400, "parameter_unknown", "product", () -> post("/v1/prices/" + price, "product=" + another));
    // and a refused update changes nothing that was valid in it
    refused(400, "parameter_unknown", "unit_amount", () -> post("/v1/prices/" + price, "nickname=Cheaper&unit_amount=1"));
    assertTrue(get("/v1/prices/" + price).json().get("nickname").isNull());
    assertEquals(1000, get("/v1/prices/" + price).json().get("unit_amount").asInt());
  }

  @Test
  void taxBehaviorChangesOnlyOnce() {
    String price = newPrice(newProduct(), "&tax_behavior=exclusive");
    JsonNode e = refused(400, "parameter_invalid", "tax_behavior", () -> post("/v1/prices/" + price, "tax_behavior=inclusive"));
    assertTrue(e.get("message").asText().contains("exclusive"), e.toString());
    refused(400, "parameter_invalid_empty", "tax_behavior", () -> post("/v1/prices/" + price, "tax_behavior="));
  }

  @Test
  void unknownPrice() {
    JsonNode e = refused(404, "resource_missing", "id", () -> get("/v1/prices/price_nope"));
    assertEquals("No such price: 'price_nope'", e.get("message").asText());
    refused(404, "resource_missing", "id", () -> post("/v1/prices/price_nope", "nickname=x"));
  }

  @Test
  void anotherMerchantsPriceDoesNotExistHere() {
    var other = TestStack.newMerchant();
    String theirProduct = created(TestStack.post("/v1/products", other.testSecretKey(), "name=Theirs"));
    String theirPrice = created(TestStack.post("/v1/prices", other.testSecretKey(),
        "product=" + theirProduct + "&currency=usd&unit_amount=1&lookup_key=theirs"));
    List<String> both = List.of(account, other.account().id());
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> get("/v1/prices/" + theirPrice));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> post("/v1/prices/" + theirPrice, "active=false"));
    refused(both, 400, INVALID_REQUEST, "resource_missing", "starting_after", () -> get("/v1/prices?starting_after=" + theirPrice));
    // a price of ours may take the same lookup key: keys are per account
    created(post("/v1/prices", "product=" + newProduct() + "&currency=usd&unit_amount=1&lookup_key=theirs"));
    assertTrue(TestStack.get("/v1/prices/" + theirPrice, other.testSecretKey()).json().get("active").asBoolean());
  }

  // ---- prices: list ----------------------------------------------------------------------------

  @Test
  void badListFilters() {
    refused(400, "parameter_invalid", "currency", () -> get("/v1/prices?currency=xyz"));
    refused(400, "parameter_invalid", "type", () -> get("/v1/prices?type=sometimes"));
    refused(400, "parameter_invalid", "recurring[interval]", () -> get("/v1/prices?recurring%5Binterval%5D=hour"));
    refused(400, "parameter_invalid", "recurring[usage_type]", () -> get("/v1/prices?recurring%5Busage_type%5D=both"));
    refused(400, "parameter_invalid_boolean", "active", () -> get("/v1/prices?active=1"));
    StringBuilder eleven = new StringBuilder("/v1/prices?");
    for (int i = 0; i < 11; i++) eleven.append("lookup_keys%5B").append(i).append("%5D=k").append(i).append('&');
    refused(400, "parameter_invalid", "lookup_keys", () -> get(eleven.toString()));
    refused(400, "parameter_unknown", "unit_amount", () -> get("/v1/prices?unit_amount=100"));
    refused(400, "expand_invalid", "expand", () -> get("/v1/prices?expand%5B0%5D=product"));
  }

  // ---- products: create ------------------------------------------------------------------------

  @Test
  void productNameMissingOrEmpty() {
    refused(400, "parameter_missing", "name", () -> post("/v1/products", "description=Nameless"));
    refused(400, "parameter_invalid_empty", "name", () -> post("/v1/products", "name="));
  }

  @Test
  void statementDescriptorTooLongOrWithForbiddenCharacters() {
    JsonNode e = refused(400, "string_length_exceeds_maximum", "statement_descriptor",
        () -> post("/v1/products", "name=P&statement_descriptor=" + "S".repeat(23)));
    assertTrue(e.get("message").asText().contains("22"), e.toString());
    for (String bad : List.of("ACME%3C", "ACME%3E", "ACME%5C", "ACME%27S", "ACME%22", "ACME*")) {
      refused(400, "parameter_invalid", "statement_descriptor", () -> post("/v1/products", "name=P&statement_descriptor=" + bad));
    }
    // Stripe: it must contain at least one letter
    refused(400, "parameter_invalid", "statement_descriptor", () -> post("/v1/products", "name=P&statement_descriptor=12345"));
    refused(400, "parameter_invalid", "statement_descriptor", () -> post("/v1/products", "name=P&statement_descriptor=1234-5678"));
    // and on update
    String product = newProduct();
    refused(400, "parameter_invalid", "statement_descriptor", () -> post("/v1/products/" + product, "statement_descriptor=%3Cscript%3E"));
  }

  @Test
  void badTaxCode() {
    refused(400, "parameter_invalid", "tax_code", () -> post("/v1/products", "name=P&tax_code=txcd_123"));
    refused(400, "parameter_invalid", "tax_code", () -> post("/v1/products", "name=P&tax_code=general"));
  }

  @Test
  void nineImagesOrABadImageUrl() {
    StringBuilder nine = new StringBuilder("name=P");
    for (int i = 0; i < 9; i++) nine.append("&images[").append(i).append("]=https://acme.example/").append(i).append(".png");
    JsonNode e = refused(400, "parameter_invalid", "images", () -> post("/v1/products", nine.toString()));
    assertTrue(e.get("message").asText().contains("8"), e.toString());
    refused(400, "url_invalid", "images[0]", () -> post("/v1/products", "name=P&images[0]=not+a+url"));
    refused(400, "url_invalid", "images[1]", () -> post("/v1/products", "name=P&images[0]=https://acme.example/a.png&images[1]=ftp://acme.example/b"));
    refused(400, "url_invalid", "url", () -> post("/v1/products", "name=P&url=acme.example"));
  }

  @Test
  void marketingFeaturesAndUnitLabel() {
    StringBuilder sixteen = new StringBuilder("name=P");
    for (int i = 0; i < 16; i++) sixteen.append("&marketing_features[").append(i).append("][name]=F").append(i);
    refused(400, "parameter_invalid", "marketing_features", () -> post("/v1/products", sixteen.toString()));
    refused(400, "parameter_missing", "marketing_features[0][name]", () -> post("/v1/products", "name=P&marketing_features[0][title]=x"));
    refused(400, "string_length_exceeds_maximum", "unit_label", () -> post("/v1/products", "name=P&unit_label=" + "u".repeat(13)));
    refused(400, "parameter_invalid_boolean", "shippable", () -> post("/v1/products", "name=P&shippable=maybe"));
  }

  @Test
  void duplicateCustomProductId() {
    String id = "gold-" + System.nanoTime();
    created(post("/v1/products", "name=Gold&id=" + id));
    JsonNode e = refused(400, "resource_already_exists", "id", () -> post("/v1/products", "name=Gold+again&id=" + id));
    assertTrue(e.get("message").asText().contains(id), e.toString());
    assertEquals("Gold", get("/v1/products/" + id).json().get("name").asText());
    // a deleted product's id is not given out again
    assertEquals(200, delete("/v1/products/" + id).status());
    refused(400, "resource_already_exists", "id", () -> post("/v1/products", "name=Gold+reborn&id=" + id));
  }

  @Test
  void customIdWithCharactersStripeDoesNotAllow() {
    refused(400, "parameter_invalid", "id", () -> post("/v1/products", "name=P&id=gold+plan"));
    refused(400, "parameter_invalid", "id", () -> post("/v1/products", "name=P&id=gold%23plan"));
    refused(400, "parameter_invalid_empty", "id", () -> post("/v1/products", "name=P&id="));
  }

  // ---- products: update, delete, list ----------------------------------------------------------

  @Test
  void productUpdateRefusals() {
    String product = newProduct();
    refused(400, "parameter_invalid_empty", "name", () -> post("/v1/products/" + product, "name="));
    refused(400, "parameter_unknown", "id", () -> post("/v1/products/" + product, "id=renamed"));
    refused(400, "parameter_invalid_boolean", "shippable", () -> post("/v1/products/" + product, "shippable="));
    String other = newProduct();
    String othersPrice = newPrice(other, "");
    refused(400, "parameter_invalid", "default_price", () -> post("/v1/products/" + product, "default_price=" + othersPrice));
    String archived = newPrice(product, "&active=false");
    refused(400, "parameter_invalid", "default_price", () -> post("/v1/products/" + product, "default_price=" + archived));
    refused(400, "resource_missing", "default_price", () -> post("/v1/products/" + product, "default_price=price_nope"));
    // a refused update leaves the product as it was
    refused(400, "parameter_invalid", "default_price", () -> post("/v1/products/" + product, "name=Renamed&default_price=" + archived));
    assertEquals("Pro", get("/v1/products/" + product).json().get("name").asText());
    assertTrue(get("/v1/products/" + product).json().get("default_price").isNull());
  }

  @Test
  void productWithPricesCannotBeDeleted() {
    String product = newProduct();
    newPrice(product, "&active=false");
    JsonNode e = refused(400, "product_has_prices", null, () -> delete("/v1/products/" + product));
    assertTrue(e.get("message").asText().contains("active=false"), e.toString());
    assertTrue(get("/v1/products/" + product).json().get("deleted") == null);
  }

  @Test
  void unknownProduct() {
    JsonNode e = refused(404, "resource_missing", "id", () -> get("/v1/products/prod_nope"));
    assertEquals("No such product: 'prod_nope'", e.get("message").asText());
    refused(404, "resource_missing", "id", () -> post("/v1/products/prod_nope", "name=x"));
    refused(404, "resource_missing", "id", () -> delete("/v1/products/prod_nope"));
  }

  @Test
  void anotherMerchantsProductDoesNotExistHere() {
    var other = TestStack.newMerchant();
    String theirs = created(TestStack.post("/v1/products", other.testSecretKey(), "name=Theirs"));
    List<String> both = List.of(account, other.account().id());
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> get("/v1/products/" + theirs));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> post("/v1/products/" + theirs, "name=Mallory"));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> delete("/v1/products/" + theirs));
    assertEquals("Theirs", TestStack.get("/v1/products/" + theirs, other.testSecretKey()).json().get("name").asText());
    // nor in test mode of the same merchant from live
    String ours = newProduct();
    refused(404, "resource_missing", "id", () -> TestStack.get("/v1/products/" + ours, merchant.liveSecretKey()));
  }

  @Test
  void badProductListFilters() {
    refused(400, "parameter_invalid_boolean", "active", () -> get("/v1/products?active=yes"));
    refused(400, "parameter_invalid_boolean", "shippable", () -> get("/v1/products?shippable=1"));
    refused(400, "parameter_invalid_integer", "limit", () -> get("/v1/products?limit=0"));
    refused(400, "resource_missing", "starting_after", () -> get("/v1/products?starting_after=prod_nope"));
    refused(400, "expand_invalid", "expand", () -> get("/v1/products?expand%5B0%5D=data.default_price"));
  }
}
