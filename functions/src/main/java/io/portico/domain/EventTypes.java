package io.portico.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every event type Stripe's API names (the {@code enabled_events} values of API version
 * 2026-07-29.dahlia, in {@code stripe-event-types.txt}): webhook endpoints may subscribe to any of
 * them, whether or not Portico emits it yet, so a merchant's Stripe configuration carries over.
 */
public final class EventTypes {
  public static final Set<String> ALL = load();

  private EventTypes() {}

  public static boolean known(String type) {
    return ALL.contains(type);
  }

  /** The types a {@code type} list filter names: itself, or every known type a {@code prefix.*} wildcard covers. */
  public static List<String> matching(String pattern) {
    if (!pattern.endsWith("*")) return List.of(pattern);
    String prefix = pattern.substring(0, pattern.length() - 1);
    return ALL.stream().filter(t -> t.startsWith(prefix)).toList();
  }

  private static Set<String> load() {
    Set<String> out = new LinkedHashSet<>();
    try (var in = EventTypes.class.getResourceAsStream("stripe-event-types.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
