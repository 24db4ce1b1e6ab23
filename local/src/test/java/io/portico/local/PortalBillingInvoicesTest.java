package io.portico.local;

import static io.portico.local.PortalBillingFixtures.assertPortalEvent;
import static io.portico.local.PortalBillingFixtures.browser;
import static io.portico.local.PortalBillingFixtures.tokenize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invoices in the portal: the customer's finalized invoices page by page, paying an open one with
 * a card of their choosing (after a declined automatic charge), and each one's PDF.
 */
class PortalBillingInvoicesTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  static String[] customerWithOpenInvoice() {
    return PortalBillingFixtures.customerWithOpenInvoice(f);
  }

  @Test
  void payingAnOpenInvoiceWithANewCard() {
    String[] o = customerWithOpenInvoice();
    String customer = o[0];
    String subscription = o[1];
    String invoice = o[2];
    PortalClient portal = browser(f, customer, f.configuration, "");
    String session = PortalBillingFixtures.sessionOf(portal);
    JsonNode home = portal.get("/p/api/home").json();
    assertEquals("open", home.at("/invoices/data/0/status").asText());

    // Paying with the declining default fails as a card error and leaves the invoice open.
    TestStack.Answer declined = portal.post("/p/api/invoices/" + invoice + "/pay", "");
    assertEquals(402, declined.status(), declined.body());
    assertEquals("card_declined", declined.json().at("/error/code").asText());
    assertEquals("open", PortalFixtures.ok(TestStack.get("/v1/invoices/" + invoice, f.key)).get("status").asText());

    String card = tokenize(portal, PortalBillingFixtures.VISA);
    assertEquals(200, portal.post("/p/api/payment_methods", "payment_method=" + card).status());
    TestStack.Answer paid = portal.post("/p/api/invoices/" + invoice + "/pay", "payment_method=" + card);
    assertEquals(200, paid.status(), paid.body());
    assertEquals("paid", paid.json().get("status").asText());
    assertEquals(1000, paid.json().get("amount_paid").asLong());

    JsonNode merchantInvoice = PortalFixtures.ok(TestStack.get("/v1/invoices/" + invoice, f.key));
    assertEquals("paid", merchantInvoice.get("status").asText());
    assertEquals("active", PortalFixtures.ok(TestStack.get("/v1/subscriptions/" + subscription, f.key)).get("status").asText(),
        "the paid first invoice activates the subscription");
    assertPortalEvent(f.merchant.account().id(), "invoice.paid", invoice, session);

    TestStack.Answer again = portal.post("/p/api/invoices/" + invoice + "/pay", "payment_method=" + card);
    assertEquals(400, again.status());
    assertEquals("invoice_already_paid", again.json().at("/error/code").asText());
  }

  @Test
  void thePdfIsTheInvoices() {
    String[] o = customerWithOpenInvoice();
    PortalClient portal = PortalClient.frontEnd(f.sessionUrl(o[0], f.configuration, ""));
    TestStack.Answer pdf = portal.get("/p/api/invoices/" + o[2] + "/pdf");
    assertEquals(200, pdf.status(), pdf.body());
    assertEquals("application/pdf", pdf.header("Content-Type"));
    assertTrue(pdf.body().startsWith("%PDF"), pdf.body().substring(0, Math.min(20, pdf.body().length())));
    String number = PortalFixtures.ok(TestStack.get("/v1/invoices/" + o[2], f.key)).get("number").asText();
    assertEquals("attachment; filename=\"Invoice-" + number + ".pdf\"", pdf.header("Content-Disposition"));
  }

  @Test
  void theListPagesThroughTheCustomersInvoicesNewestFirst() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    List<String> invoices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      PortalBillingFixtures.tick();
      invoices.add(0, PortalFixtures.ok(TestStack.post("/v1/subscriptions", f.key, "customer=" + customer + "&items[0][price]=" + f.basicMonthly))
          .get("latest_invoice").asText());
    }
    f.otherCustomer(); // another customer's invoice: never listed
    PortalClient portal = browser(f, customer, f.configuration, "");
    TestStack.Answer all = portal.get("/p/api/invoices");
    assertEquals(200, all.status(), all.body());
    assertEquals("list", all.json().get("object").asText());
    assertEquals("/p/api/invoices", all.json().get("url").asText());
    assertEquals(invoices, ids(all.json()));
    assertFalse(all.json().get("has_more").asBoolean());

    JsonNode first = portal.get("/p/api/invoices?limit=2").json();
    assertEquals(invoices.subList(0, 2), ids(first));
    assertTrue(first.get("has_more").asBoolean());
    JsonNode next = portal.get("/p/api/invoices?limit=2&starting_after=" + invoices.get(1)).json();
    assertEquals(invoices.subList(2, 3), ids(next));
    assertFalse(next.get("has_more").asBoolean());
    JsonNode back = portal.get("/p/api/invoices?limit=2&ending_before=" + invoices.get(2)).json();
    assertEquals(invoices.subList(0, 2), ids(back));

    assertEquals(400, portal.get("/p/api/invoices?limit=0").status());
    assertEquals(400, portal.get("/p/api/invoices?customer=" + customer).status(), "no filters: it is always the session's customer");
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.get("data").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  @Test
  void everyActionNeedsTheFeature() {
    String[] o = customerWithOpenInvoice();
    String off = PortalBillingFixtures.configuration(f, "&features[invoice_history][enabled]=false");
    PortalClient portal = browser(f, o[0], off, "");
    String card = f.attachCard(o[0], "pm_card_visa");
    for (TestStack.Answer a : List.of(
        portal.get("/p/api/invoices"),
        portal.post("/p/api/invoices/" + o[2] + "/pay", "payment_method=" + card),
        portal.get("/p/api/invoices/" + o[2] + "/pdf"))) {
      assertEquals(403, a.status(), a.body());
      assertEquals("feature_disabled", a.json().at("/error/code").asText());
      assertTrue(a.json().at("/error/message").asText().contains("invoice_history"), a.body());
    }
    assertEquals("open", PortalFixtures.ok(TestStack.get("/v1/invoices/" + o[2], f.key)).get("status").asText(), "not paid");
    assertTrue(portal.get("/p/api/home").json().get("invoices").isNull(), "and the home shows none");
  }
}
