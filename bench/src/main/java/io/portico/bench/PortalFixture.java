package io.portico.bench;

import io.portico.local.LocalStack;
import java.util.ArrayList;
import java.util.List;

/**
 * What the portal rows use: a configuration offering Basic (10.00/month) and Pro (20.00/month) with
 * plan changes on (create_prorations), a customer for the home page, and a pool of customers each
 * with a card, a Basic subscription and a portal credential (a session link exchanged through
 * {@code POST /p/api/session}), so plan changes rotate over many subscriptions instead of piling
 * up on one.
 */
record PortalFixture(String basic, String pro, String homeCredential, List<Subscriber> pool) {
  record Subscriber(String customer, String subscription, String credential) {}

  static PortalFixture create(LocalStack stack, Fixture f, int poolSize) {
    Api api = new Api(stack.baseUrl(), f.key());
    String basic = price(api, "Basic", 1000);
    String pro = price(api, "Pro", 2000);
    String basicProduct = api.get("/v1/prices/" + basic).path("product").asText();
    String proProduct = api.get("/v1/prices/" + pro).path("product").asText();
    String configuration = api.post("/v1/billing_portal/configurations",
        "features[invoice_history][enabled]=true&features[payment_method_update][enabled]=true"
            + "&features[customer_update][enabled]=true&features[customer_update][allowed_updates][0]=email"
            + "&features[subscription_cancel][enabled]=true"
            + "&features[subscription_update][enabled]=true&features[subscription_update][default_allowed_updates][0]=price"
            + "&features[subscription_update][proration_behavior]=create_prorations"
            + "&features[subscription_update][products][0][product]=" + basicProduct
            + "&features[subscription_update][products][0][prices][0]=" + basic
            + "&features[subscription_update][products][1][product]=" + proProduct
            + "&features[subscription_update][products][1][prices][0]=" + pro).path("id").asText();
    Subscriber home = subscriber(api, configuration, basic, "home@example.com");
    List<Subscriber> pool = new ArrayList<>();
    for (int i = 0; i < poolSize; i++) pool.add(subscriber(api, configuration, basic, "portal" + i + "@example.com"));
    return new PortalFixture(basic, pro, home.credential(), pool);
  }

  private static String price(Api api, String name, long amount) {
    return api.post("/v1/prices", "currency=usd&unit_amount=" + amount + "&recurring[interval]=month&tax_behavior=exclusive&product_data[name]="
        + name).path("id").asText();
  }

  private static Subscriber subscriber(Api api, String configuration, String price, String email) {
    String customer = Fixture.payingCustomer(api, email);
    String subscription = api.post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price).path("id").asText();
    String url = api.post("/v1/billing_portal/sessions", "customer=" + customer + "&configuration=" + configuration
        + "&return_url=https%3A%2F%2Fshop.example%2Faccount").path("url").asText();
    String credential = api.postAnonymous("/p/api/session", "link=" + Api.enc(url)).path("token").asText();
    return new Subscriber(customer, subscription, credential);
  }
}
