package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/subscription_schedules}: schedules that cannot be made, phases that would move the
 * present, leave gaps, mix currencies or end between periods, and changes to a schedule that has
 * ended. Each is refused with Stripe's status, type, code and param, and nothing is written.
 */
class BadInputSubscriptionSchedulesTest extends RefusalCase {
  private String monthlyUsd;
  private String cheaperUsd;
  private JsonNode subscription;

  @BeforeEach
  void subscriptionToSchedule() {
    String customer = newCustomer();
    monthlyUsd = price("currency=usd&unit_amount=3000&recurring[interval]=month&product_data[name]=Pro");
    cheaperUsd = price("currency=usd&unit_amount=1000&recurring[interval]=month&product_data[name]=Basic");
    TestStack.Answer a = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + monthlyUsd
        + "&collection_method=send_invoice&days_until_due=30");
    assertEquals(200, a.status(), a.body());
    subscription = a.json();
  }

  private String price(String body) {
    TestStack.Answer a = post("/v1/prices", body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private String schedule() {
    TestStack.Answer a = post("/v1/subscription_schedules", "from_subscription=" + subscription.get("id").asText());
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private long periodStart() {
    return subscription.get("items").get("data").get(0).get("current_period_start").asLong();
  }

  private long periodEnd() {
    return subscription.get("items").get("data").get(0).get("current_period_end").asLong();
  }

  /** The current phase as it is, then {@code next} (form fields of phases[1]). */
  private String currentThen(String next) {
    return "phases[0][start_date]=" + periodStart() + "&phases[0][end_date]=" + periodEnd() + "&phases[0][items][0][price]=" + monthlyUsd
        + "&phases[0][items][0][quantity]=1&" + next;
  }

  @Test
  void aScheduleIsMadeFromARunningSubscriptionOnce() {
    refused(400, "parameter_missing", "from_subscription", () -> post("/v1/subscription_schedules", "end_behavior=release"));
    refused(400, "resource_missing", "from_subscription", () -> post("/v1/subscription_schedules", "from_subscription=sub_nope"));
    refused(400, "parameter_invalid_empty", "from_subscription", () -> post("/v1/subscription_schedules", "from_subscription="));
    refused(400, "parameter_invalid", "end_behavior",
        () -> post("/v1/subscription_schedules", "from_subscription=" + subscription.get("id").asText() + "&end_behavior=renew"));
    schedule();
    refused(400, null, "from_subscription", () -> post("/v1/subscription_schedules", "from_subscription=" + subscription.get("id").asText()));
  }

  @Test
  void phasesKeepThePresentAndFollowEachOther() {
    String id = schedule();
    String path = "/v1/subscription_schedules/" + id;
    refused(400, "parameter_invalid", "phases[0][start_date]", () -> post(path, "phases[0][start_date]=" + (periodStart() + 60)
        + "&phases[0][items][0][price]=" + monthlyUsd));
    refused(400, "parameter_invalid", "phases[0][items]", () -> post(path, "phases[0][items][0][price]=" + cheaperUsd));
    refused(400, "parameter_invalid", "phases[1][start_date]",
        () -> post(path, currentThen("phases[1][start_date]=" + (periodEnd() + 86_400) + "&phases[1][items][0][price]=" + cheaperUsd)));
    refused(400, "parameter_invalid", "phases[1][end_date]",
        () -> post(path, currentThen("phases[1][end_date]=" + (periodEnd() + 86_400) + "&phases[1][items][0][price]=" + cheaperUsd)));
    refused(400, "parameter_missing", "phases[0][end_date]", () -> post(path, "phases[0][items][0][price]=" + monthlyUsd
        + "&phases[1][items][0][price]=" + cheaperUsd));
    refused(400, "parameter_missing", "phases[1][items]", () -> post(path, currentThen("phases[1][metadata][k]=v")));
  }

  @Test
  void laterPhasesBillRecurringPricesInTheSubscriptionsCurrencyOnOneIntervalEach() {
    String id = schedule();
    String path = "/v1/subscription_schedules/" + id;
    String eur = price("currency=eur&unit_amount=900&recurring[interval]=month&product_data[name]=Euro");
    String yearly = price("currency=usd&unit_amount=9000&recurring[interval]=year&product_data[name]=Yearly");
    String oneTime = price("currency=usd&unit_amount=500&product_data[name]=Setup");
    refused(400, "parameter_invalid", "phases[1][items][0][price]", () -> post(path, currentThen("phases[1][items][0][price]=" + eur)));
    // A later phase may move to another interval (its cycle starts with it), but not with items on two intervals.
    refused(400, "parameter_invalid", "phases[1][items][1][price]", () -> post(path, currentThen("phases[1][items][0][price]=" + yearly
        + "&phases[1][items][1][price]=" + cheaperUsd)));
    refused(400, "parameter_invalid", "phases[1][items][0][price]", () -> post(path, currentThen("phases[1][items][0][price]=" + oneTime)));
    refused(400, "resource_missing", "phases[1][items][0][price]", () -> post(path, currentThen("phases[1][items][0][price]=price_nope")));
    refused(400, "parameter_invalid", "phases[1][items][1][price]", () -> post(path, currentThen("phases[1][items][0][price]=" + cheaperUsd
        + "&phases[1][items][1][price]=" + cheaperUsd)));
  }

  @Test
  void anEndedScheduleCannotChange() {
    String id = schedule();
    assertEquals(200, post("/v1/subscription_schedules/" + id + "/release", "").status());
    refused(400, null, null, () -> post("/v1/subscription_schedules/" + id, "metadata[k]=v"));
    refused(400, null, null, () -> post("/v1/subscription_schedules/" + id + "/release", ""));
    refused(400, null, null, () -> post("/v1/subscription_schedules/" + id + "/cancel", ""));
    refused(404, "resource_missing", "id", () -> get("/v1/subscription_schedules/sub_sched_nope"));
    refused(400, "parameter_unknown", "iterations", () -> post("/v1/subscription_schedules", "from_subscription="
        + subscription.get("id").asText() + "&iterations=2"));
  }
}
