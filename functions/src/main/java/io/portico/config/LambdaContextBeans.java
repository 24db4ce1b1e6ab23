package io.portico.config;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Micronaut registers the Lambda {@code Context} (and its logger, client context, identity) as
 * singletons of the application context on every invocation, so beans could inject them. No
 * Portico bean does, and each registration makes the context rebuild its bean lookups: measured
 * at about 1.4 ms of a warm session creation on the bench machine (docs/performance.md). This
 * replacement registers nothing.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class LambdaContextBeans implements LambdaContextFactory {
  @Override
  public void registerSingletons(Context context) {
    // nothing injects the Lambda context
  }
}
