package io.portico.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which of Portico's bean definitions each function uses, so that its context loads only those
 * ({@link FunctionContext}): loading and evaluating every definition of the artifact (100 of them,
 * most belonging to other functions) was most of a cold context start. The lists are made at build
 * time ({@code process-classes}, see functions/pom.xml) by building each handler through its
 * ApplicationContext constructor in a full context and recording which Portico singletons that
 * created; a handler's beans are exactly what its injection creates ({@code MerchantHandler}
 * injects its API too, no bean is looked up later), plus the handler's own definition. Micronaut's
 * own definitions and Portico's configuration ({@code io.portico.config}: factories, settings, the
 * Lambda context factory Micronaut looks up per request) are always loaded.
 */
public final class FunctionBeans {
  static final String DIRECTORY = "META-INF/portico/function-beans/";

  private FunctionBeans() {}

  /** The definitions {@code handler} uses, or null when the build recorded none (all are then loaded). */
  public static Set<String> of(Class<?> handler) {
    try (InputStream in = handler.getClassLoader().getResourceAsStream(DIRECTORY + handler.getName())) {
      if (in == null) return null;
      return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Portico definitions building {@code handler} creates, in a context that has them all; null when it has no definition. */
  static Set<String> record(Class<?> handler) throws ReflectiveOperationException {
    try (ApplicationContext context = LambdaContext.builder()
        .properties(Map.of("portico.dynamodb.endpoint", "http://127.0.0.1:9", "portico.dynamodb.region", "us-east-1"))
        .start()) {
      var own = context.findBeanDefinition(handler);
      // Without a definition of its own (it injects nothing) a handler looks its beans up: no list.
      if (own.isEmpty()) return null;
      handler.getConstructor(ApplicationContext.class).newInstance(context);
      Set<String> used = new TreeSet<>();
      used.add(own.get().getClass().getName());
      for (BeanRegistration<?> r : context.getActiveBeanRegistrations(Object.class)) {
        String definition = r.getBeanDefinition().getClass().getName();
        if (definition.startsWith("io.portico.")) used.add(definition);
      }
      return used;
    }
  }

  /** Build step: writes one list per handler of io.portico.functions under {@code args[0]} (the classes directory). */
  public static void main(String[] args) throws Exception {
    Path classes = Path.of(args[0]);
    Path out = classes.resolve(DIRECTORY);
    Files.createDirectories(out);
    try (Stream<Path> stale = Files.list(out)) {
      for (Path p : stale.toList()) Files.delete(p);
    }
    List<String> handlers;
    try (Stream<Path> files = Files.list(classes.resolve("io/portico/functions"))) {
      handlers = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Handler.class"))
          .map(n -> "io.portico.functions." + n.substring(0, n.length() - ".class".length())).sorted().toList();
    }
    for (String name : handlers) {
      Class<?> handler = Class.forName(name);
      if (Modifier.isAbstract(handler.getModifiers())) continue;
      Set<String> used = record(handler);
      if (used != null) Files.writeString(out.resolve(name), String.join("\n", used) + "\n");
    }
    try (Stream<Path> lists = Files.list(out)) {
      System.out.printf("function beans: %d of %d handlers listed in %s%n", lists.count(), handlers.size(), out);
    }
  }
}
