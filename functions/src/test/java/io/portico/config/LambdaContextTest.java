package io.portico.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaContextFactory;
import io.portico.functions.SessionsHandler;
import io.portico.service.InvoicePdfService;
import io.portico.service.SessionService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A function's context creates the singletons its handler needs, when it needs them: not every service of the artifact. */
class LambdaContextTest {
  @Test
  void startsWithoutCreatingSingletonsAndCreatesOnlyWhatIsAskedFor() {
    try (ApplicationContext context = LambdaContext.builder()
        .properties(Map.of("portico.dynamodb.endpoint", "http://127.0.0.1:9", "portico.dynamodb.region", "us-east-1"))
        .start()) {
      assertTrue(context.getEnvironment().getActiveNames().containsAll(java.util.List.of("function", "lambda")));
      assertTrue(context.getActiveBeanRegistrations(DynamoDbClient.class).isEmpty(), "no client before a bean needs one");
      context.getBean(SessionService.class);
      assertEquals(1, context.getActiveBeanRegistrations(DynamoDbClient.class).size());
      assertTrue(context.getActiveBeanRegistrations(InvoicePdfService.class).isEmpty(), "another function's service is not created");
    }
  }

  @Test
  void aFunctionsOwnContextKnowsOnlyTheBeansTheBuildListedForIt() {
    assertTrue(FunctionBeans.of(SessionsHandler.class).contains("io.portico.service.$SessionService$Definition"), "process-classes listed it");
    try (ApplicationContext context = LambdaContext.ownBeans(SessionsHandler.class)
        .properties(Map.of("portico.dynamodb.endpoint", "http://127.0.0.1:9", "portico.dynamodb.region", "us-east-1"))
        .start()) {
      SessionsHandler handler = new SessionsHandler(context);
      assertTrue(context.getActiveBeanRegistrations(SessionService.class).size() == 1, "its injection found what it needs");
      assertFalse(context.findBeanDefinition(InvoicePdfService.class).isPresent(), "another function's service is not even defined");
      assertTrue(context.findBeanDefinition(LambdaContextFactory.class).isPresent(), "Portico's configuration always is");
      handler.close();
    }
  }

  @Test
  void anInvocationRegistersNoBeans() {
    try (ApplicationContext context = LambdaContext.builder().start()) {
      LambdaContextFactory factory = context.getBean(LambdaContextFactory.class);
      assertTrue(factory instanceof LambdaContextBeans, factory.getClass().getName());
      factory.registerSingletons(null);
      assertFalse(context.containsBean(com.amazonaws.services.lambda.runtime.Context.class));
    }
  }
}
