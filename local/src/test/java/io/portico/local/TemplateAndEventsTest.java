package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.portico.config.FunctionBeans;
import io.portico.domain.Coupon;
import io.portico.domain.Customer;
import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.store.CouponRepository;
import io.portico.store.CustomerRepository;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment description and the code agree: every handler template.yaml names exists and can
 * be built both ways (Lambda's no-arg constructor, tests' ApplicationContext one), every route it
 * declares is one its handler serves, and every sample event in events/ is a valid event for its
 * function (API Gateway, EventBridge schedule or DynamoDB stream) that the function answers as documented.
 */
class TemplateAndEventsTest {
  private static final Path ROOT = LocalStack.findRoot();
  /** What each sample event gets back from its function (see events/README.md). */
  private static final Map<String, Integer> EXPECTED_STATUS = Map.ofEntries(
      Map.entry("CreateAccountFunction.json", 0), // not an API event: checked by its output below
      Map.entry("BillingClockFunction.json", 0), // an EventBridge schedule: checked by its output below
      Map.entry("TestClocksFunction.create.json", 200),
      Map.entry("InvoicePdfFunction.open.json", 404), // a sample token names no invoice
      Map.entry("CustomersFunction.create.json", 200),
      Map.entry("ProductsFunction.create.json", 200),
      Map.entry("PricesFunction.create.json", 200),
      Map.entry("SubscriptionsFunction.list.json", 200),
      Map.entry("SubscriptionSchedulesFunction.list.json", 200),
      Map.entry("InvoicesFunction.list.json", 200),
      Map.entry("CouponsFunction.create.json", 200),
      Map.entry("PromotionCodesFunction.create.json", 200),
      Map.entry("PaymentMethodsFunction.create.json", 200),
      Map.entry("PaymentMethodsFunction.attach.json", 200), // pm_card_visa: a fresh test card saved to cus_sample
      Map.entry("PaymentMethodsFunction.list.json", 200),
      Map.entry("TaxIdsFunction.create.json", 200), // DE123456789 for cus_sample (replays answer the same)
      Map.entry("CustomersFunction.list.json", 200),
      Map.entry("CustomersFunction.retrieve.json", 200),
      Map.entry("ConfigurationsFunction.create.json", 200),
      Map.entry("ConfigurationsFunction.list.json", 200),
      Map.entry("SessionsFunction.create.json", 200),
      Map.entry("PortalPageFunction.open.json", 401), // a sample token: the "link expired" page
      Map.entry("PortalPageFunction.asset.json", 200), // the portal's style sheet
      Map.entry("PortalApiFunction.home.json", 401), // a sample credential opens no session
      Map.entry("PortalTokenizeFunction.create.json", 401), // likewise: tokenizing needs a portal session
      Map.entry("UnknownRouteFunction.any.json", 404),
      Map.entry("EventsFunction.list.json", 200),
      Map.entry("WebhookEndpointsFunction.create.json", 200),
      Map.entry("WebhookEndpointsFunction.list.json", 200),
      Map.entry("WebhookDeliveryFunction.json", 0), // a DynamoDB stream batch: checked by its output below
      Map.entry("WebhookRetryFunction.json", 0)); // an EventBridge schedule: checked by its output below

  private static LocalStack stack;

  @BeforeAll
  static void seedSampleData() {
    stack = TestStack.get();
    String accountId = stack.demoAccount().account().id();
    // The sample events name customer cus_sample and coupon SAMPLE25 of the demo account (the one the sample key opens).
    CustomerRepository customers = stack.context().getBean(CustomerRepository.class);
    Scope scope = new Scope(accountId, false);
    if (customers.find(scope, "cus_sample") == null) {
      Customer sample = new Customer("cus_sample", null, 0, 0, null, null, false, null, null, "sample@example.com", "SAMPLE01",
          new Customer.InvoiceSettings(null, null, null, null), false, Map.of(), "Sample Customer", 1, null, List.of(), null, "none", null);
      customers.insert(scope, sample, 0, seedEvent("evt_sample_seed", "customer.created"));
    }
    CouponRepository coupons = stack.context().getBean(CouponRepository.class);
    if (coupons.find(scope, "SAMPLE25") == null) {
      Coupon sample = new Coupon("SAMPLE25", null, null, 0, null, "once", null, false, null, Map.of(), "25% off", new BigDecimal("25"), null, 0,
          true);
      coupons.insert(scope, sample, 0, seedEvent("evt_sample_coupon_seed", "coupon.created"));
    }
  }

  private static Event seedEvent(String id, String type) {
    return new Event(id, "2026-07-29.dahlia", 0, new Event.Data(null, null), false, 0, new Event.Request(null, null), type, Event.Actor.SECRET_KEY);
  }

  @Test
  void everyHandlerExistsWithBothConstructorsAndTakesProxyEvents() throws Exception {
    for (Template.Function f : stack.template().functions()) {
      Class<?> type = Class.forName(f.handler());
      assertTrue(RequestHandler.class.isAssignableFrom(type), f.handler() + " is a Lambda RequestHandler");
      assertNotNull(type.getConstructor(), f.handler() + " has the no-arg constructor Lambda uses");
      assertNotNull(type.getConstructor(ApplicationContext.class), f.handler() + " has the ApplicationContext constructor tests use");
      if (!f.routes().isEmpty()) {
        assertEquals(APIGatewayProxyRequestEvent.class, inputType(type), f.handler() + " serves routes, so takes API Gateway proxy events");
      }
    }
  }

  @Test
  void everyDeclaredRouteIsServedByItsHandler() throws Exception {
    String key = stack.demoAccount().testSecretKey();
    for (Template.Function f : stack.template().functions()) {
      RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = LocalStack.handler(f.handler(), stack.context());
      for (Template.Route r : f.routes()) {
        if (r.path().contains("{proxy+}")) continue; // the catch-all answers 404 by design
        Map<String, String> params = new HashMap<>();
        String path = r.path();
        for (String segment : r.path().split("/")) {
          if (segment.startsWith("{")) {
            String name = segment.substring(1, segment.length() - 1);
            params.put(name, "x_unknown");
            path = path.replace(segment, "x_unknown");
          }
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(r.method()).withResource(r.path()).withPath(path)
            .withPathParameters(params.isEmpty() ? null : params).withHeaders(Map.of("Authorization", "Bearer " + key, "Host", "localhost"));
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, new LocalLambdaContext(f.logicalId()));
        assertFalse(response.getBody().contains("Unrecognized request URL"),
            f.handler() + " must serve " + r.method() + " " + r.path() + " but answered " + response.getBody());
      }
    }
  }

  @Test
  void everySampleEventBelongsToAFunctionAndEveryFunctionHasOne() throws Exception {
    Set<String> functions = stack.template().functions().stream().map(Template.Function::logicalId).collect(Collectors.toSet());
    Set<String> covered = new TreeSet<>();
    for (Path file : sampleEvents()) {
      String function = file.getFileName().toString().split("\\.")[0];
      assertTrue(functions.contains(function), file + " is named after a function in template.yaml");
      assertTrue(EXPECTED_STATUS.containsKey(file.getFileName().toString()), file + " has its expected status in this test");
      covered.add(function);
    }
    assertEquals(new TreeSet<>(functions), covered, "every function has a sample event");
  }

  @Test
  void sampleEventsAreValidProxyEventsThatTheirFunctionsAnswer() throws Exception {
    answerSampleEvents(handler -> stack.context());
  }

  /**
   * As in Lambda, where each function's context has only the bean definitions the build listed for
   * it (io.portico.config.FunctionBeans): a bean missing from a list fails here, not in AWS.
   */
  @Test
  void eachFunctionAnswersItsSampleEventsOnAContextOfOnlyItsOwnBeans() throws Exception {
    List<ApplicationContext> opened = new ArrayList<>();
    Set<String> restricted = new TreeSet<>();
    try {
      answerSampleEvents(handler -> {
        try {
          ApplicationContext own = stack.functionContext(handler);
          opened.add(own);
          if (FunctionBeans.of(Class.forName(handler)) != null) {
            restricted.add(handler);
            assertTrue(own.getBeanDefinitions(Object.class).stream().map(d -> d.getBeanType().getName())
                .noneMatch(type -> type.startsWith("io.portico.functions.") && !type.equals(handler)), handler + "'s context knows no other function");
          }
          return own;
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      });
    } finally {
      opened.forEach(ApplicationContext::close);
    }
    // Only the catch-all 404 function injects nothing, so has no list and keeps every definition.
    assertEquals(stack.template().functions().size() - 1, restricted.size(), "functions on a context of their own beans: " + restricted);
  }

  /** Runs every sample event through its function's handler, built on the context {@code contexts} gives for its class. */
  private static void answerSampleEvents(Function<String, ApplicationContext> contexts) throws Exception {
    // Strict: a misspelt field in a sample would silently be ignored by a lenient reader.
    ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Map<String, String> handlers = stack.template().functions().stream().collect(Collectors.toMap(Template.Function::logicalId, Template.Function::handler));
    for (Path file : sampleEvents()) {
      String name = file.getFileName().toString();
      String function = name.split("\\.")[0];
      ApplicationContext context = contexts.apply(handlers.get(function));
      if (function.equals("CreateAccountFunction")) {
        checkCreateAccountSample(strict.readValue(file.toFile(), Map.class), context);
        continue;
      }
      if (function.equals("BillingClockFunction")) {
        checkBillingClockSample(strict.readValue(file.toFile(), Map.class), context);
        continue;
      }
      if (function.equals("WebhookRetryFunction")) {
        checkWebhookRetrySample(strict.readValue(file.toFile(), Map.class), context);
        continue;
      }
      if (function.equals("WebhookDeliveryFunction")) {
        checkWebhookDeliverySample(strict.readTree(file.toFile()), context);
        continue;
      }
      APIGatewayProxyRequestEvent event = strict.readValue(file.toFile(), APIGatewayProxyRequestEvent.class);
      RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = LocalStack.handler(handlers.get(function), context);
      // Idempotency keys in samples are fixed: replays are fine, they answer the same.
      APIGatewayProxyResponseEvent response = handler.handleRequest(event, new LocalLambdaContext(function));
      assertEquals(EXPECTED_STATUS.get(name), response.getStatusCode(), name + " answered " + response.getBody());
    }
  }

  /** The admin function's sample makes a real account whose new test key then works on the API. */
  @SuppressWarnings("unchecked")
  private static void checkCreateAccountSample(Map<String, Object> input, ApplicationContext context) throws Exception {
    RequestHandler<Map<String, Object>, Map<String, Object>> handler = (RequestHandler<Map<String, Object>, Map<String, Object>>)
        Class.forName("io.portico.functions.CreateAccountHandler").getConstructor(ApplicationContext.class).newInstance(context);
    Map<String, Object> out = handler.handleRequest(input, new LocalLambdaContext("CreateAccountFunction"));
    assertTrue(String.valueOf(out.get("account")).startsWith("acct_"), out.toString());
    String key = String.valueOf(out.get("test_secret_key"));
    assertTrue(key.startsWith("sk_test_"), out.toString());
    assertTrue(String.valueOf(out.get("live_secret_key")).startsWith("sk_live_"), out.toString());
    assertEquals(200, TestStack.get("/v1/customers", key).status(), "the new account's test key opens the API");
    Map<String, Object> refused = handler.handleRequest(Map.of("business_name", " "), new LocalLambdaContext("CreateAccountFunction"));
    assertTrue(refused.containsKey("error") && !refused.containsKey("test_secret_key"), refused.toString());
  }

  /** EventBridge's scheduled event: the clock runs and says how much it did. */
  @SuppressWarnings("unchecked")
  private static void checkBillingClockSample(Map<String, Object> sample, ApplicationContext context) throws Exception {
    assertEquals("aws.events", sample.get("source"));
    assertEquals("Scheduled Event", sample.get("detail-type"));
    RequestHandler<com.amazonaws.services.lambda.runtime.events.ScheduledEvent, String> handler =
        (RequestHandler<com.amazonaws.services.lambda.runtime.events.ScheduledEvent, String>) Class.forName("io.portico.functions.BillingClockHandler")
            .getConstructor(ApplicationContext.class).newInstance(context);
    String out = handler.handleRequest(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent().withSource("aws.events"),
        new LocalLambdaContext("BillingClockFunction"));
    assertTrue(out.matches("handled \\d+ billing events"), out);
  }

  /** EventBridge's scheduled event: the retry run goes through what is due and says how much it attempted. */
  @SuppressWarnings("unchecked")
  private static void checkWebhookRetrySample(Map<String, Object> sample, ApplicationContext context) throws Exception {
    assertEquals("aws.events", sample.get("source"));
    assertEquals("Scheduled Event", sample.get("detail-type"));
    RequestHandler<com.amazonaws.services.lambda.runtime.events.ScheduledEvent, String> handler =
        (RequestHandler<com.amazonaws.services.lambda.runtime.events.ScheduledEvent, String>) Class.forName("io.portico.functions.WebhookRetryHandler")
            .getConstructor(ApplicationContext.class).newInstance(context);
    String out = handler.handleRequest(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent().withSource("aws.events"),
        new LocalLambdaContext("WebhookRetryFunction"));
    assertTrue(out.matches("attempted \\d+ webhook deliveries"), out);
  }

  /**
   * The stream sample is a batch as Lambda hands it over after the template's filter: the filter lets
   * its record through, the function reads it and reports no failure (the sample account has no endpoints).
   */
  @SuppressWarnings("unchecked")
  private static void checkWebhookDeliverySample(JsonNode sample, ApplicationContext context) throws Exception {
    Template.Function f = stack.template().functions().stream().filter(x -> x.logicalId().equals("WebhookDeliveryFunction")).findFirst().orElseThrow();
    Template.StreamSource source = f.streams().get(0);
    assertEquals("BillingTable", source.table());
    assertTrue(source.reportBatchItemFailures());
    for (JsonNode record : sample.get("Records")) {
      assertTrue(source.filters().stream().anyMatch(p -> StreamFeeder.matches(p, record)), "the template's filter lets the sample through");
    }
    RequestHandler<DynamodbEvent, StreamsEventResponse> handler = (RequestHandler<DynamodbEvent, StreamsEventResponse>) Class.forName(f.handler())
        .getConstructor(ApplicationContext.class).newInstance(context);
    StreamsEventResponse out = handler.handleRequest(LambdaStreamJson.parse(sample), new LocalLambdaContext(f.logicalId()));
    assertEquals(List.of(), out.getBatchItemFailures());
  }

  @Test
  void streamFiltersLetOnlyNewEventItemsThrough() {
    Template.Function f = stack.template().functions().stream().filter(x -> !x.streams().isEmpty()).findFirst().orElseThrow();
    assertEquals(DynamodbEvent.class, inputType(handlerClass(f)));
    JsonNode filter = f.streams().get(0).filters().get(0);
    ObjectMapper json = new ObjectMapper();
    assertTrue(StreamFeeder.matches(filter, json.valueToTree(Map.of("eventName", "INSERT", "dynamodb", Map.of("NewImage", Map.of("kind", Map.of("S", "event")))))));
    assertFalse(StreamFeeder.matches(filter, json.valueToTree(Map.of("eventName", "MODIFY", "dynamodb", Map.of("NewImage", Map.of("kind", Map.of("S", "event")))))));
    assertFalse(StreamFeeder.matches(filter, json.valueToTree(Map.of("eventName", "INSERT", "dynamodb", Map.of("NewImage", Map.of("kind", Map.of("S", "customer")))))));
    assertFalse(StreamFeeder.matches(filter, json.valueToTree(Map.of("eventName", "REMOVE", "dynamodb", Map.of()))));
  }

  private static Class<?> handlerClass(Template.Function f) {
    try {
      return Class.forName(f.handler());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Path> sampleEvents() throws Exception {
    try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Type inputType(Class<?> handler) {
    for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
      if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
        return p.getActualTypeArguments()[0];
      }
    }
    return null;
  }

}
