package io.portico.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;

/**
 * How every function builds its Micronaut context in Lambda: Micronaut's Lambda defaults
 * (environments {@code function} and {@code lambda}, configuration read at start) but singletons
 * created when first needed, not all at start. Micronaut's own Lambda builder creates every
 * singleton of the artifact (every repository and service, the PDF renderer...) in every
 * function; a function's handler only needs its own service and what that uses, which its
 * injection creates anyway. Measured in docs/performance.md.
 */
public final class LambdaContext {
  private LambdaContext() {}

  /** What Lambda's no-arg handler constructors use: {@link #builder()}, with the {@link HeadStart} begun. */
  public static ApplicationContextBuilder forLambda() {
    HeadStart.begin();
    return builder();
  }

  public static ApplicationContextBuilder builder() {
    return ApplicationContext.builder().environments("function", "lambda").eagerInitConfiguration(true);
  }
}
