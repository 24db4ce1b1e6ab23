package io.portico.local;

import static io.portico.local.WireAsserts.assertStripeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/events} through stripe-java: what changes wrote, newest first, filtered by type and time with queries. */
class WebhookEventsApiTest extends RefusalCase {

  @Test
  void listFilterPageAndRetrieve() throws Exception {
    StripeClient stripe = TestStack.stripe(key);
    long t0 = TestStack.CLOCK.instant().getEpochSecond();
    Customer a = stripe.v1().customers().create(CustomerCreateParams.builder().setName("A").build());
    TestStack.CLOCK.advance(Duration.ofSeconds(10));
    Customer b = stripe.v1().customers().create(CustomerCreateParams.builder().setName("B").build());
    TestStack.CLOCK.advance(Duration.ofSeconds(10));
    stripe.v1().customers().update(a.getId(), CustomerUpdateParams.builder().setName("A2").build());
    TestStack.CLOCK.advance(Duration.ofSeconds(10));
    stripe.v1().customers().delete(b.getId());

    List<Event> all = stripe.v1().events().list(EventListParams.builder().build()).getData();
    assertEquals(List.of("customer.deleted", "customer.updated", "customer.created", "customer.created"), types(all), "newest first");
    Event updated = all.get(1);
    assertEquals(updated.getId(), stripe.v1().events().retrieve(updated.getId()).getId());
    assertEquals("A", updated.getData().getPreviousAttributes().get("name"));
    assertEquals("A2", ((Customer) updated.getDataObjectDeserializer().getObject().orElseThrow()).getName());

    assertEquals(List.of("customer.created", "customer.created"),
        types(stripe.v1().events().list(EventListParams.builder().setType("customer.created").build()).getData()));
    assertEquals(List.of("customer.deleted", "customer.updated", "customer.created", "customer.created"),
        types(stripe.v1().events().list(EventListParams.builder().setType("customer.*").build()).getData()), "a group");
    assertEquals(List.of("customer.deleted", "customer.updated"), types(stripe.v1().events().list(EventListParams.builder()
        .addType("customer.updated").addType("customer.deleted").build()).getData()), "several types, merged newest first");
    assertEquals(List.of(), stripe.v1().events().list(EventListParams.builder().setType("invoice.paid").build()).getData());

    // created bounds: [t0+10, t0+20] holds B's creation and A's update.
    assertEquals(List.of("customer.updated", "customer.created"), types(stripe.v1().events().list(EventListParams.builder()
        .setCreated(EventListParams.Created.builder().setGte(t0 + 10).setLte(t0 + 20).build()).build()).getData()));
    assertEquals(List.of("customer.updated"), types(stripe.v1().events().list(EventListParams.builder()
        .setCreated(EventListParams.Created.builder().setGt(t0 + 10).setLt(t0 + 30).build()).build()).getData()));
    assertEquals(List.of("customer.created"), types(stripe.v1().events().list(EventListParams.builder().setType("customer.created")
        .setCreated(EventListParams.Created.builder().setGte(t0 + 5).build()).build()).getData()));

    // Pages of one, both ways, with and without a type filter.
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int i = 0; i < 4; i++) {
      var page = stripe.v1().events().list(EventListParams.builder().setLimit(1L).setStartingAfter(after).build());
      ids.add(page.getData().get(0).getId());
      after = page.getData().get(0).getId();
      assertEquals(i < 3, page.getHasMore());
    }
    assertEquals(all.stream().map(Event::getId).toList(), ids);
    var before = stripe.v1().events().list(EventListParams.builder().setLimit(2L).setEndingBefore(ids.get(3)).build());
    assertEquals(List.of(ids.get(1), ids.get(2)), before.getData().stream().map(Event::getId).toList());
    var typed = stripe.v1().events().list(EventListParams.builder().setLimit(1L).setType("customer.created").setStartingAfter(ids.get(2)).build());
    assertEquals(List.of(ids.get(3)), typed.getData().stream().map(Event::getId).toList());
    assertFalse(typed.getHasMore());
    assertTrue(stripe.v1().events().list(EventListParams.builder().setLimit(1L).setType("customer.created").build()).getHasMore());
  }

  @Test
  void badInputIsRefusedAsStripeDoes() {
    newCustomer();
    refused(404, "resource_missing", "id", () -> get("/v1/events/evt_nope"));
    refused(400, "parameters_exclusive", "types", () -> get("/v1/events?type=customer.created&types[]=customer.updated"));
    refused(400, "parameter_invalid", "type", () -> get("/v1/events?type=nothing.*"));
    refused(400, "parameter_invalid_integer", "created[gte]", () -> get("/v1/events?created[gte]=soon"));
    refused(400, "resource_missing", "starting_after", () -> get("/v1/events?starting_after=evt_nope"));
    refused(400, "parameter_unknown", "delivery_success", () -> get("/v1/events?delivery_success=true"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 21; i++) many.append(i == 0 ? "" : "&").append("types[").append(i).append("]=customer.created");
    refused(400, "parameter_invalid", "types", () -> get("/v1/events?" + many));
    // Another merchant's event is not this one's.
    String other = TestStack.newMerchant().testSecretKey();
    String id = get("/v1/events").json().path("data").get(0).path("id").asText();
    assertEquals(404, TestStack.get("/v1/events/" + id, other).status());
    assertStripeError(InvalidRequestException.class, 404, "resource_missing", "id", () -> TestStack.stripe(other).v1().events().retrieve(id));
  }

  private static List<String> types(List<Event> events) {
    return events.stream().map(Event::getType).toList();
  }
}
