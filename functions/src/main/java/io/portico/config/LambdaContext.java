package io.portico.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.Set;

/**
 * How every function builds its Micronaut context in Lambda: Micronaut's Lambda defaults
 * (environments {@code function} and {@code lambda}, configuration read at start) but singletons
 * created when first needed, not all at start. Micronaut's own Lambda builder creates every
 * singleton of the artifact (every repository and service, the PDF renderer...) in every
 * function; a function's handler only needs its own service and what that uses, which its
 * injection creates anyway. In Lambda the context also loads only the bean definitions its
 * function uses ({@link FunctionContext}), and the {@link HeadStart} runs beside its start.
 * Measured in docs/performance.md.
 */
public final class LambdaContext {
  private LambdaContext() {}

  /** What Lambda's no-arg constructor of {@code handler} uses: {@link #ownBeans}, with the {@link HeadStart} begun. */
  public static ApplicationContextBuilder forLambda(Class<?> handler) {
    HeadStart.begin();
    return ownBeans(handler);
  }

  /** Only the bean definitions {@code handler} uses, when the build listed them ({@link FunctionBeans}); else every one. */
  public static ApplicationContextBuilder ownBeans(Class<?> handler) {
    Set<String> own = FunctionBeans.of(handler);
    return configure(own == null ? ApplicationContext.builder() : new FunctionContext.Builder(own));
  }

  /** Every bean of the artifact, singletons created when first needed (tests, the local stack). */
  public static ApplicationContextBuilder builder() {
    return configure(ApplicationContext.builder());
  }

  private static ApplicationContextBuilder configure(ApplicationContextBuilder builder) {
    return builder.environments("function", "lambda").eagerInitConfiguration(true);
  }
}
