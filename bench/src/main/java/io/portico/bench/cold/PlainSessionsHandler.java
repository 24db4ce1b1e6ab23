package io.portico.bench.cold;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The cold-start baseline: {@code POST /v1/billing_portal/sessions} as a plain Lambda handler, no
 * framework, written by hand against the same SDK client (DynamoDbClient over Apache's HTTP client) and
 * making the same DynamoDB calls, in the same order, as {@code SessionsHandler} on a cold call:
 * key lookup, account, default-configuration marker, configuration, then one transaction (the
 * customer and the configuration's version checked; the Idempotency-Key's sealed answer, the
 * session and its event written). It also does the same cryptography (key hash, request fingerprint,
 * sealed answer, link token). The bench checks the call sequence against the real handler's and
 * says so when they drift apart.
 */
public final class PlainSessionsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DynamoDbClient dynamo;
  private final String billing = env("PORTICO_TABLES_BILLING", "BillingTable");
  private final String sessions = env("PORTICO_TABLES_SESSIONS", "SessionsTable");

  public PlainSessionsHandler() {
    DynamoDbClientBuilder b = DynamoDbClient.builder()
        .httpClient(ApacheHttpClient.create())
        .region(Region.of(env("AWS_REGION", "us-east-1")));
    String endpoint = System.getenv("PORTICO_DYNAMODB_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpointOverride(URI.create(endpoint)).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      b.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
    }
    dynamo = b.build();
  }

  /** For the bench's in-process check of the call sequence. */
  public PlainSessionsHandler(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    Map<String, String> headers = new HashMap<>();
    event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
    String secret = headers.get("authorization").substring("Bearer ".length());
    Map<String, String> form = new HashMap<>();
    for (String pair : event.getBody().split("&")) {
      int eq = pair.indexOf('=');
      form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    long now = System.currentTimeMillis();

    Map<String, AttributeValue> key = get(billing, "apikey#" + sha256(secret));
    if (key == null) return answer(401, "{\"error\":{\"type\":\"invalid_request_error\"}}");
    String accountId = key.get("account").s();
    Map<String, AttributeValue> account = get(billing, accountId);
    String scope = accountId + ":" + (key.get("livemode").bool() ? "live" : "test");

    byte[] fingerprintKey = digest("portico idempotent request fingerprint\n" + secret);
    byte[] sealKey = digest("portico idempotent replay\n" + secret);
    String idempotencyPk = "idempotency#" + scope + "#" + headers.get("idempotency-key");
    String fingerprint = hmac(fingerprintKey, "POST " + event.getPath() + "\n" + event.getBody());
    long nowSeconds = now / 1000;

    String customerId = form.get("customer");
    Map<String, AttributeValue> marker = get(billing, "default_configuration#" + scope);
    String configurationId = marker.get("configuration").s();
    Map<String, AttributeValue> configuration = get(billing, configurationId);
    AttributeValue defaultReturnUrl = configuration.get("data").m().get("default_return_url");

    byte[] tokenBytes = new byte[32];
    RANDOM.nextBytes(tokenBytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
    String sessionId = "bps_" + randomId();
    String eventId = "evt_" + randomId();
    String returnUrl = form.getOrDefault("return_url", defaultReturnUrl == null || defaultReturnUrl.nul() != null ? null : defaultReturnUrl.s());
    Map<String, AttributeValue> data = new HashMap<>();
    data.put("id", s(sessionId));
    data.put("object", s("billing_portal.session"));
    data.put("configuration", s(configurationId));
    data.put("created", n(nowSeconds));
    data.put("customer", s(customerId));
    data.put("livemode", AttributeValue.fromBool(false));
    data.put("return_url", s(returnUrl));
    long expires = now + 300_000;
    Map<String, AttributeValue> session = Map.of("pk", s("session#" + sha256(token)), "kind", s("billing_portal.session"), "scope", s(scope),
        "customer", s(customerId), "data", AttributeValue.fromM(data), "created_ms", n(now), "expires_ms", n(expires), "ttl", n((expires + 999) / 1000));
    Map<String, AttributeValue> eventItem = Map.of("pk", s(eventId), "kind", s("event"), "scope", s(scope), "version", n(1),
        "created_ms", n(now), "list_sk", s(String.format("%013d#%s", now, eventId)), "list_pk", s(scope + "#event"),
        "data", AttributeValue.fromM(Map.of("id", s(eventId), "object", s("event"), "type", s("billing_portal.session.created"),
            "data", AttributeValue.fromM(Map.of("object", AttributeValue.fromM(data))))),
        "event_type", s("billing_portal.session.created"), "ttl", n(nowSeconds + 30L * 86_400));
    String businessName = account.get("data").m().get("business_name").s();
    String json = "{\"id\":\"" + sessionId + "\",\"object\":\"billing_portal.session\",\"configuration\":\"" + configurationId
        + "\",\"created\":" + nowSeconds + ",\"customer\":\"" + customerId + "\",\"livemode\":false,\"return_url\":\"" + returnUrl
        + "\",\"url\":\"http://" + headers.get("host") + "/p/session/" + token + "\",\"x_business\":\"" + businessName.length() + "\"}";
    Map<String, AttributeValue> answerItem = Map.of("pk", s(idempotencyPk), "fingerprint", s(fingerprint), "state", s("done"), "status", n(200),
        "body", s(seal(sealKey, json)), "ttl", n(nowSeconds + 86_400));
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          check(billing, customerId, "#scope = :v AND attribute_not_exists(deleted)", "#scope", "scope", s(scope)),
          check(billing, configurationId, "#version = :v", "#version", "version", configuration.get("version")),
          TransactWriteItem.builder().put(Put.builder().tableName(sessions).item(answerItem)
              .conditionExpression("attribute_not_exists(pk) OR #ttl < :now").expressionAttributeNames(Map.of("#ttl", "ttl"))
              .expressionAttributeValues(Map.of(":now", n(nowSeconds))).build()).build(),
          TransactWriteItem.builder().put(Put.builder().tableName(sessions).item(session).conditionExpression("attribute_not_exists(pk)").build()).build(),
          TransactWriteItem.builder().put(Put.builder().tableName(billing).item(eventItem).conditionExpression("attribute_not_exists(pk)").build()).build()));
    } catch (TransactionCanceledException e) {
      return answer(409, "{\"error\":{\"type\":\"invalid_request_error\"}}");
    }
    return answer(200, json);
  }

  private static TransactWriteItem check(String table, String pk, String condition, String name, String attribute, AttributeValue value) {
    return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(Map.of("pk", s(pk)))
        .conditionExpression(condition).expressionAttributeNames(Map.of(name, attribute)).expressionAttributeValues(Map.of(":v", value))
        .build()).build();
  }

  private Map<String, AttributeValue> get(String table, String pk) {
    Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(Map.of("pk", s(pk))).consistentRead(true).build()).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static APIGatewayProxyResponseEvent answer(int status, String json) {
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(Map.of("Content-Type", "application/json")).withBody(json);
  }

  private static AttributeValue s(String v) {
    return v == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static String randomId() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 24; i++) b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return b.toString();
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String s) {
    return HexFormat.of().formatHex(digest(s));
  }

  private static String hmac(byte[] key, String s) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String seal(byte[] key, String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
