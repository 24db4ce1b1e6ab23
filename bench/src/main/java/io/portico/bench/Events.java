package io.portico.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** API Gateway proxy events as the local stack's emulator (and API Gateway) builds them, for calling handlers directly. */
final class Events {
  private Events() {}

  /** A merchant API request; POSTs carry a fresh Idempotency-Key, as Stripe's SDKs send. */
  static APIGatewayProxyRequestEvent merchant(String method, String resource, String path, Map<String, String> pathParameters, String key,
      String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1");
    headers.put("X-Forwarded-Proto", "http");
    headers.put("Authorization", "Bearer " + key);
    headers.put("Stripe-Version", "2026-07-29.dahlia");
    if (method.equals("POST")) {
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      headers.put("Idempotency-Key", UUID.randomUUID().toString());
    }
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(path)
        .withPathParameters(pathParameters == null || pathParameters.isEmpty() ? null : pathParameters)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("api").withHttpMethod(method)
            .withPath("/api" + path).withResourcePath(resource).withRequestId(UUID.randomUUID().toString()));
  }

  /** A portal API request with a portal credential. */
  static APIGatewayProxyRequestEvent portal(String method, String resource, String path, Map<String, String> pathParameters,
      String credential, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1");
    headers.put("X-Forwarded-Proto", "http");
    headers.put("Authorization", "Bearer " + credential);
    if (body != null) headers.put("Content-Type", "application/x-www-form-urlencoded");
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(path)
        .withPathParameters(pathParameters == null || pathParameters.isEmpty() ? null : pathParameters)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("api").withHttpMethod(method)
            .withPath("/api" + path).withResourcePath(resource).withRequestId(UUID.randomUUID().toString()));
  }

  static Context context(String functionName) {
    return new Context() {
      @Override public String getAwsRequestId() { return "bench"; }
      @Override public String getLogGroupName() { return "/bench/" + functionName; }
      @Override public String getLogStreamName() { return "bench"; }
      @Override public String getFunctionName() { return functionName; }
      @Override public String getFunctionVersion() { return "$LATEST"; }
      @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
      @Override public CognitoIdentity getIdentity() { return null; }
      @Override public ClientContext getClientContext() { return null; }
      @Override public int getRemainingTimeInMillis() { return 20_000; }
      @Override public int getMemoryLimitInMB() { return 1024; }
      @Override public LambdaLogger getLogger() {
        return new LambdaLogger() {
          @Override public void log(String message) { System.err.print(message); }
          @Override public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
        };
      }
    };
  }
}
