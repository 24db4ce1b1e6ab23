package io.portico.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The DynamoDB clients and the clock every service shares. */
@Factory
public class AwsFactory {

  /**
   * In Lambda: region and credentials from the function's environment (with SnapStart, Lambda gives
   * the function container credentials, AWS_CONTAINER_CREDENTIALS_FULL_URI, instead of the key
   * variables: one provider, not the SDK's whole default chain, keeps the cold start short). Locally
   * and in tests: {@code portico.dynamodb.endpoint} points at DynamoDB Local, which takes any credentials.
   */
  @Singleton
  DynamoDbClient dynamoDb(@Nullable @Value("${portico.dynamodb.endpoint}") String endpoint,
      @Value("${portico.dynamodb.region:us-east-1}") String region) {
    String r = System.getenv().getOrDefault("AWS_REGION", region);
    // In a cold Lambda function, the client may already be (being) built beside the context's start.
    DynamoDbClient begun = HeadStart.take(endpoint, r);
    return begun != null ? begun : build(endpoint, r);
  }

  /** The client for an endpoint (none: the region's own) and a region. */
  static DynamoDbClient build(String endpoint, String region) {
    DynamoDbClientBuilder b = DynamoDbClient.builder()
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new RoundTrips()))
        .region(Region.of(region));
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpointOverride(URI.create(endpoint)).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else if (System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
      b.credentialsProvider(ContainerCredentialsProvider.builder().build());
    } else {
      b.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
    }
    return b.build();
  }

  @Singleton
  DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
  }

  /** Tests and the local stack may register their own clock first; this one is the fallback. */
  @Singleton
  @Requires(missingBeans = Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }
}
