package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may touch what, for every payment method, billing details, tax ID and invoice endpoint of
 * the portal: an id of another customer of the same merchant, or of another merchant, is answered
 * as an unknown one (404) and changes nothing, as the merchant API shows; an expired session gets 401.
 */
class PortalBillingAuthorizationTest {
  private static PortalFixtures f;
  /** The session's customer: a declining card, so an open invoice of their own. */
  private static String[] own;
  /** Another customer of the same merchant: a card, a tax ID and an open (send_invoice) invoice. */
  private static Theirs neighbour;
  /** A customer of another merchant, likewise. */
  private static Theirs stranger;

  record Theirs(PortalFixtures f, String customer, String card, String taxId, String invoice, String loosePaymentMethod) {
    static Theirs of(PortalFixtures f) {
      String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
      String card = PortalFixtures.ok(TestStack.get("/v1/customers/" + customer, f.key)).at("/invoice_settings/default_payment_method").asText();
      String taxId = PortalFixtures.ok(TestStack.post("/v1/customers/" + customer + "/tax_ids", f.key, "type=eu_vat&value=DE123456789")).get("id").asText();
      String invoice = PortalFixtures.ok(TestStack.post("/v1/subscriptions", f.key, "customer=" + customer + "&items[0][price]=" + f.basicMonthly
          + "&collection_method=send_invoice&days_until_due=7")).get("latest_invoice").asText();
      String loose = PortalFixtures.ok(TestStack.post("/v1/payment_methods", f.key, PortalBillingFixtures.VISA)).get("id").asText();
      return new Theirs(f, customer, card, taxId, invoice, loose);
    }

    /** Everything as the merchant API shows it now: compared before and after the attempts. */
    String snapshot() {
      return PortalFixtures.ok(TestStack.get("/v1/customers/" + customer, f.key)).toString()
          + PortalFixtures.ok(TestStack.get("/v1/customers/" + customer + "/payment_methods", f.key)).get("data")
          + PortalFixtures.ok(TestStack.get("/v1/customers/" + customer + "/tax_ids", f.key)).get("data")
          + PortalFixtures.ok(TestStack.get("/v1/invoices/" + invoice, f.key)).get("status")
          + PortalFixtures.ok(TestStack.get("/v1/payment_methods/" + loosePaymentMethod, f.key)).get("customer");
    }
  }

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
    own = PortalBillingFixtures.customerWithOpenInvoice(f);
    neighbour = Theirs.of(f);
    stranger = Theirs.of(new PortalFixtures());
  }

  /** Each call the session's customer could make with someone else's id, by name. */
  private static Map<String, TestStack.Answer> attempts(PortalClient portal, Theirs t) {
    Map<String, TestStack.Answer> a = new LinkedHashMap<>();
    a.put("add their payment method", portal.post("/p/api/payment_methods", "payment_method=" + t.card()));
    a.put("make theirs the default", portal.post("/p/api/payment_methods/" + t.card() + "/default", ""));
    a.put("remove theirs", portal.delete("/p/api/payment_methods/" + t.card()));
    a.put("remove their tax ID", portal.delete("/p/api/tax_ids/" + t.taxId()));
    a.put("list after their invoice", portal.get("/p/api/invoices?starting_after=" + t.invoice()));
    a.put("list before their invoice", portal.get("/p/api/invoices?ending_before=" + t.invoice()));
    a.put("pay their invoice", portal.post("/p/api/invoices/" + t.invoice() + "/pay", ""));
    a.put("pay own invoice with their card", portal.post("/p/api/invoices/" + own[2] + "/pay", "payment_method=" + t.card()));
    a.put("their invoice's PDF", portal.get("/p/api/invoices/" + t.invoice() + "/pdf"));
    return a;
  }

  private static void assertAllNotFound(Map<String, TestStack.Answer> answers) {
    answers.forEach((what, a) -> {
      assertEquals(404, a.status(), what + ": " + a.body());
      assertEquals("resource_missing", a.json().at("/error/code").asText(), what + ": " + a.body());
    });
  }

  @Test
  void anotherCustomersIdsAreUnknownAndNothingChanges() {
    PortalClient portal = PortalClient.frontEnd(f.sessionUrl(own[0], f.configuration, ""));
    String before = neighbour.snapshot();
    assertAllNotFound(attempts(portal, neighbour));
    assertEquals(before, neighbour.snapshot());
    assertEquals("open", PortalFixtures.ok(TestStack.get("/v1/invoices/" + own[2], f.key)).get("status").asText());
  }

  @Test
  void anotherMerchantsIdsAreUnknownAndNothingChanges() {
    PortalClient portal = PortalBillingFixtures.browser(f, own[0], f.configuration, "");
    String before = stranger.snapshot();
    Map<String, TestStack.Answer> answers = attempts(portal, stranger);
    answers.put("attach their loose payment method", portal.post("/p/api/payment_methods", "payment_method=" + stranger.loosePaymentMethod()));
    assertAllNotFound(answers);
    assertEquals(before, stranger.snapshot());
    JsonNode home = portal.get("/p/api/home").json();
    assertTrue(home.at("/customer/tax_ids").isEmpty());
    assertEquals(1, home.get("payment_methods").size());
  }

  @Test
  void anExpiredSessionGets401Everywhere() {
    PortalClient portal = PortalBillingFixtures.browser(f, own[0], f.configuration, "");
    String card = PortalFixtures.ok(TestStack.get("/v1/customers/" + own[0], f.key)).at("/invoice_settings/default_payment_method").asText();
    TestStack.CLOCK.advance(Duration.ofMinutes(61));
    Map<String, TestStack.Answer> a = new LinkedHashMap<>();
    a.put("tokenize", portal.post("/p/provider/test/payment_methods", PortalBillingFixtures.VISA));
    a.put("add", portal.post("/p/api/payment_methods", "payment_method=pm_card_visa"));
    a.put("default", portal.post("/p/api/payment_methods/" + card + "/default", ""));
    a.put("remove", portal.delete("/p/api/payment_methods/" + card));
    a.put("update details", portal.post("/p/api/customer", "name=Late"));
    a.put("add tax ID", portal.post("/p/api/tax_ids", "type=eu_vat&value=DE123456789"));
    a.put("remove tax ID", portal.delete("/p/api/tax_ids/txi_whatever"));
    a.put("list invoices", portal.get("/p/api/invoices"));
    a.put("pay", portal.post("/p/api/invoices/" + own[2] + "/pay", ""));
    a.put("pdf", portal.get("/p/api/invoices/" + own[2] + "/pdf"));
    a.forEach((what, answer) -> {
      assertEquals(401, answer.status(), what + ": " + answer.body());
      assertEquals("portal_session_expired", answer.json().at("/error/code").asText(), what);
    });
    assertEquals("Billing Customer", PortalFixtures.ok(TestStack.get("/v1/customers/" + own[0], f.key)).get("name").asText());
  }
}
