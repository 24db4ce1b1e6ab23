package io.portico.config;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. With SnapStart (template.yaml) Lambda initialises a published version once,
 * snapshots it and starts every new instance from the snapshot. Just before the snapshot, this
 * hook sends the function one harmless request (an unknown key, an unknown link), so that what a
 * real request runs (decoding, authentication, the DynamoDB client's first call, JSON, the error
 * path) is loaded and initialised in the snapshot rather than on a customer's first request. It
 * writes nothing and caches nothing: an unknown key is never remembered.
 *
 * <p>Through org.crac, whose hooks Lambda's Java runtime calls; anywhere else (the local stack,
 * tests, the bench) there is no checkpoint and the hook never runs.
 */
public final class Priming implements Resource {
  /** A secret key no account has: authentication looks it up and refuses it. */
  public static final String UNKNOWN_KEY = "sk_test_snapstart_priming_unknown_key_000000000000";

  private final Runnable prime;

  private Priming(Runnable prime) {
    this.prime = prime;
  }

  /** Registers {@code prime} to run before the snapshot. Keep the returned object: the registry holds it weakly. */
  public static Priming register(Runnable prime) {
    Priming p = new Priming(prime);
    Core.getGlobalContext().register(p);
    return p;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      prime.run();
    } catch (RuntimeException e) {
      // a failed priming costs the first request its warm-up, nothing else
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to renew: ids and tokens come from SecureRandom, which Lambda's Java runtime reseeds on restore
  }

  /** An API Gateway event for priming. */
  public static APIGatewayProxyRequestEvent request(String method, String resource, String path, Map<String, String> pathParameters) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(path)
        .withPathParameters(pathParameters)
        .withHeaders(Map.of("Host", "priming.invalid", "X-Forwarded-Proto", "https", "Authorization", "Bearer " + UNKNOWN_KEY))
        .withIsBase64Encoded(false);
  }
}
