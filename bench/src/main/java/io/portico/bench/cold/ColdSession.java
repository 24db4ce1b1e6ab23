package io.portico.bench.cold;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.portico.functions.SessionsHandler;

/**
 * A cold start of the session-creation function, the way Lambda does it: a fresh JVM, the handler's
 * no-arg constructor (configuration from the environment: PORTICO_TABLES_*, PORTICO_DYNAMODB_ENDPOINT),
 * one request. Prints {@code DONE <status>} the moment the response exists; the parent times
 * process start to that line. Arguments: secret key, customer id, idempotency key.
 */
public final class ColdSession {
  private ColdSession() {}

  public static void main(String[] args) {
    APIGatewayProxyResponseEvent response = new SessionsHandler().handleRequest(ColdEvents.session(args), new ColdContext("SessionsFunction"));
    ColdContext.done(response.getStatusCode(), response.getBody());
  }
}
