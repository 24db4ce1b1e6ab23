package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A full card or account number is never stored: not in the payment method, not in its events, not
 * in the idempotency record of the request that carried it (whose fingerprint is keyed, whose
 * stored answer is sealed), not after a refusal. Both tables are scanned whole after requests that
 * carry numbers in every way the API takes them.
 */
class PaymentDetailsStorageTest {
  private static final List<String> CARDS = List.of("4242424242424242", "5555555555554444", "378282246310005", "4000000000000002",
      "4000000000009995", "4000000000000341", "4000000000000069");
  private static final String IBAN = "DE89370400440532013000";
  private static final String US_ACCOUNT = "000123456789";

  @Test
  void noFullNumberIsStoredAnywhere() {
    String key = TestStack.newMerchant().testSecretKey();
    String customer = TestStack.post("/v1/customers", key, "name=Card+Holder").json().get("id").asText();
    List<String> created = new ArrayList<>();
    int i = 0;
    for (String number : CARDS) {
      String cvc = number.startsWith("37") ? "1234" : "123";
      TestStack.Answer a = TestStack.send("POST", "/v1/payment_methods", key,
          "type=card&card[number]=" + number + "&card[exp_month]=12&card[exp_year]=2034&card[cvc]=" + cvc + "&billing_details[name]=Card+Holder",
          Map.of("Idempotency-Key", "card-" + i++));
      assertEquals(200, a.status(), a.body());
      assertFalse(a.body().contains(number), "the answer never repeats the number either");
      created.add(a.json().get("id").asText());
    }
    // Attached (events carry the object), one declined on attach, one refused at creation with an idempotency key.
    assertEquals(200, TestStack.post("/v1/payment_methods/" + created.get(0) + "/attach", key, "customer=" + customer).status());
    assertEquals(402, TestStack.post("/v1/payment_methods/" + created.get(3) + "/attach", key, "customer=" + customer).status());
    assertEquals(402, TestStack.send("POST", "/v1/payment_methods", key, "type=card&card[number]=4242424242424241&card[exp_month]=12"
        + "&card[exp_year]=2034", Map.of("Idempotency-Key", "refused")).status());
    assertEquals(200, TestStack.send("POST", "/v1/payment_methods", key, "type=sepa_debit&sepa_debit[iban]=" + IBAN
        + "&billing_details[name]=Jenny&billing_details[email]=jenny%40example.com", Map.of("Idempotency-Key", "sepa")).status());
    assertEquals(200, TestStack.send("POST", "/v1/payment_methods", key, "type=us_bank_account&us_bank_account[routing_number]=110000000"
        + "&us_bank_account[account_number]=" + US_ACCOUNT + "&billing_details[name]=Jenny", Map.of("Idempotency-Key", "ach")).status());

    List<String> secrets = new ArrayList<>(CARDS);
    secrets.add("4242424242424241");
    secrets.add(IBAN);
    secrets.add(US_ACCOUNT);
    CARDS.forEach(n -> secrets.add(n.substring(0, 12))); // not even most of one
    int items = 0;
    for (String table : new String[] {"BillingTable", "SessionsTable"}) {
      for (var page : TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName(table).build())) {
        for (var item : page.items()) {
          items++;
          String text = item.toString();
          for (String secret : secrets) assertFalse(text.contains(secret), table + " holds " + secret + ": " + item);
        }
      }
    }
    assertTrue(items > created.size() * 2, "the scan saw the payment methods and their idempotency records (" + items + " items)");
  }
}
