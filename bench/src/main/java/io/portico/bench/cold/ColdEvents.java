package io.portico.bench.cold;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/** What both cold-start children are asked. */
final class ColdEvents {
  private ColdEvents() {}

  /** The request a merchant's server sends through API Gateway (stripe-java always adds an Idempotency-Key). */
  static APIGatewayProxyRequestEvent session(String[] args) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withPath("/v1/billing_portal/sessions")
        .withResource("/v1/billing_portal/sessions")
        .withHeaders(Map.of(
            "Host", "127.0.0.1",
            "X-Forwarded-Proto", "http",
            "Authorization", "Bearer " + args[0],
            "Content-Type", "application/x-www-form-urlencoded",
            "Idempotency-Key", args[2]))
        .withBody("customer=" + args[1] + "&return_url=https%3A%2F%2Fexample.com%2Faccount")
        .withIsBase64Encoded(false);
  }
}
