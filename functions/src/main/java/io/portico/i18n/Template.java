package io.portico.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One catalogue text, parsed once: literal text and named placeholders ({@code {business}}).
 * Names are lower case ASCII letters, digits and {@code _}, starting with a letter. Braces have no
 * other use, so a stray {@code {} or {@code }} is a catalogue error rather than something that
 * silently prints; apostrophes and every other character are literal (unlike
 * {@link java.text.MessageFormat}, where {@code l'abonnement} loses its apostrophe).
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

  /** Literal strings at even indexes, placeholder names at odd ones. */
  private final List<String> parts;
  private final Set<String> placeholders;
  private final String source;

  private Template(String source, List<String> parts, Set<String> placeholders) {
    this.source = source;
    this.parts = parts;
    this.placeholders = placeholders;
  }

  /** @throws IllegalArgumentException when the text has a brace that is not part of a placeholder */
  static Template parse(String source) {
    List<String> parts = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(source);
    int at = 0;
    while (m.find()) {
      parts.add(literal(source, at, m.start()));
      parts.add(m.group(1));
      names.add(m.group(1));
      at = m.end();
    }
    parts.add(literal(source, at, source.length()));
    return new Template(source, List.copyOf(parts), Collections.unmodifiableSet(names));
  }

  private static String literal(String source, int from, int to) {
    String s = source.substring(from, to);
    if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
      throw new IllegalArgumentException("A brace that is not a {placeholder} in: " + source);
    }
    return s;
  }

  Set<String> placeholders() {
    return placeholders;
  }

  String source() {
    return source;
  }

  /** The text with each placeholder replaced by {@code value(name)}; a null value leaves {@code {name}} in place. */
  String format(Function<String, String> value) {
    if (parts.size() == 1) return parts.get(0);
    StringBuilder b = new StringBuilder(source.length() + 32);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (i % 2 == 0) {
        b.append(part);
      } else {
        String v = value.apply(part);
        b.append(v != null ? v : "{" + part + "}");
      }
    }
    return b.toString();
  }
}
