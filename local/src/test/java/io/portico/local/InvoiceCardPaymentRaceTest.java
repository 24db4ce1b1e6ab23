package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.service.AccountService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Eight customers' browsers hitting "pay" on one invoice at once: one charge, one payment. */
class InvoiceCardPaymentRaceTest {
  @Test
  void concurrentCardPaymentsChargeOnce() {
    AccountService.CreatedAccount m = TestStack.newMerchant();
    String key = m.testSecretKey();
    String customer = TestStack.post("/v1/customers", key, "name=Racer").json().get("id").asText();
    String card = TestStack.post("/v1/payment_methods/pm_card_visa/attach", key, "customer=" + customer).json().get("id").asText();
    String price = TestStack.post("/v1/prices", key, "currency=usd&unit_amount=4200&recurring[interval]=month&product_data[name]=Plan")
        .json().get("id").asText();
    // send_invoice: the first invoice stays open for the customer to pay.
    String invoice = TestStack.post("/v1/subscriptions", key, "customer=" + customer + "&items[0][price]=" + price
        + "&collection_method=send_invoice&days_until_due=7").json().get("latest_invoice").asText();

    List<TestStack.Answer> answers = TestStack.concurrently(8, k -> TestStack.post("/v1/invoices/" + invoice + "/pay", key, "payment_method=" + card));
    long paid = answers.stream().filter(a -> a.status() == 200).count();
    assertEquals(1, paid, "exactly one request collected the invoice");
    for (TestStack.Answer a : answers) {
      if (a.status() != 200) {
        String code = a.json().at("/error/code").asText();
        assertTrue(code.equals("invoice_already_paid") || code.equals("invoice_payment_in_progress"), a.body());
      }
    }
    var settled = TestStack.get("/v1/invoices/" + invoice, key).json();
    assertEquals("paid", settled.get("status").asText());
    assertEquals(4200, settled.get("amount_paid").asLong());
    assertEquals(1, settled.get("attempt_count").asLong(), "one charge attempt, not eight");
  }
}
