package io.portico.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The counter sees every request any SDK client sends, by operation, without being installed by hand. */
class RoundTripsTest {
  @Test
  void countsEachRequestOfEveryClientInOrder() throws Exception {
    // A stand-in DynamoDB answering every call with an empty JSON object (a valid GetItem/PutItem answer).
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    try (DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
        .build()) {
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("x"));
      long before = RoundTrips.total();
      List<String> calls = RoundTrips.record(() -> {
        client.getItem(r -> r.tableName("T").key(key));
        client.putItem(r -> r.tableName("T").item(key));
        client.getItem(r -> r.tableName("T").key(key));
      });
      assertEquals(List.of("GetItem", "PutItem", "GetItem"), calls);
      assertEquals(3, RoundTrips.total() - before);
      client.getItem(r -> r.tableName("T").key(key));
      assertEquals(4, RoundTrips.total() - before, "counted when not recording too");
    } finally {
      server.stop(0);
    }
  }
}
