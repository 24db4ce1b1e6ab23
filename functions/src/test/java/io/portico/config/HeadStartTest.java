package io.portico.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The client begun beside a cold context start is used only for its own settings, once, and never in place of an error. */
class HeadStartTest {
  private static final String ENDPOINT = "http://127.0.0.1:9";

  @AfterEach
  void forget() {
    HeadStart.forget();
  }

  @Test
  void theFactoryTakesTheBegunClientForTheSameSettingsOnly() {
    assertNull(HeadStart.take(ENDPOINT, "us-east-1"), "nothing begun, nothing to take");
    HeadStart.begin(ENDPOINT, "us-east-1");
    assertNull(HeadStart.take("http://127.0.0.1:10", "us-east-1"), "another endpoint");
    assertNull(HeadStart.take(ENDPOINT, "eu-west-1"), "another region");
    DynamoDbClient begun = HeadStart.take(ENDPOINT + " ", "us-east-1");
    assertNotNull(begun);
    assertNull(HeadStart.take(ENDPOINT, "us-east-1"), "handed out once");
    begun.close();
  }

  @Test
  void aContextUsesTheBegunClient() {
    HeadStart.begin(ENDPOINT, "us-east-1");
    try (ApplicationContext context = LambdaContext.builder()
        .properties(Map.of("portico.dynamodb.endpoint", ENDPOINT, "portico.dynamodb.region", "us-east-1"))
        .start()) {
      DynamoDbClient client = context.getBean(DynamoDbClient.class);
      assertNull(HeadStart.take(ENDPOINT, "us-east-1"), "the context took it");
      assertSame(client, context.getBean(DynamoDbClient.class));
    }
  }

  @Test
  void aFailedHeadStartLeavesTheErrorToTheFactory() {
    HeadStart.begin("not a uri at all", "us-east-1");
    assertNull(HeadStart.take("not a uri at all", "us-east-1"), "the begun build failed: nothing handed out");
    assertThrows(IllegalArgumentException.class, () -> AwsFactory.build("not a uri at all", "us-east-1"), "the factory meets the error itself");
  }
}
