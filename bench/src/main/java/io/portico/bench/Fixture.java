package io.portico.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.local.LocalStack;
import io.portico.service.AccountService;
import java.util.ArrayList;
import java.util.List;

/**
 * The merchant every in-process measure uses: an account and its test key, a customer to open
 * sessions for (its account's default portal configuration already created, as in steady state),
 * customers with a default card to subscribe, and a monthly price. Created through the API.
 */
public record Fixture(String key, String accountId, String sessionCustomer, List<String> payingCustomers, String price) {

  public static Fixture create(LocalStack stack, int payingCustomers) {
    AccountService.CreatedAccount account = stack.createAccount("Bench Merchant");
    Api api = new Api(stack.baseUrl(), account.testSecretKey());
    String sessionCustomer = api.post("/v1/customers", "name=Session+Customer&email=session%40example.com").path("id").asText();
    // The first session creates the account's default configuration: later ones (and the cold starts) find it.
    api.post("/v1/billing_portal/sessions", "customer=" + sessionCustomer);
    String price = api.post("/v1/prices", "currency=eur&unit_amount=1900&recurring[interval]=month&product_data[name]=Team+plan")
        .path("id").asText();
    List<String> paying = new ArrayList<>();
    for (int i = 0; i < payingCustomers; i++) paying.add(payingCustomer(api, "payer" + i + "@example.com"));
    return new Fixture(account.testSecretKey(), account.account().id(), sessionCustomer, paying, price);
  }

  /** A customer with pm_card_visa attached and set as its default payment method. */
  static String payingCustomer(Api api, String email) {
    String customer = api.post("/v1/customers", "email=" + Api.enc(email)).path("id").asText();
    JsonNode pm = api.post("/v1/payment_methods/pm_card_visa/attach", "customer=" + customer);
    api.post("/v1/customers/" + customer, "invoice_settings[default_payment_method]=" + pm.path("id").asText());
    return customer;
  }
}
