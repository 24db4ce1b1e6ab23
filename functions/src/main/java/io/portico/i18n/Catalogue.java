package io.portico.i18n;

import io.portico.i18n.PluralRules.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One locale's messages, read from {@code /i18n/messages_<tag>.properties} (UTF-8) and parsed once.
 *
 * <p>A line is {@code key=text}. A message that counts something has one line per plural category
 * of the locale ({@link PluralRules#categories}): {@code key[one]=...}, {@code key[other]=...}. Its
 * form is chosen by its {@code {count}} placeholder, or by its only placeholder when it has one
 * (so {@code reason.comment_too_long} can keep the name {@code {maximum}}).
 *
 * <p>Anything wrong with the file (a bad key, a stray brace, a plural without {@code other}, a key
 * given twice) is kept in {@link #problems()}, never thrown: the locale completeness test fails on
 * it, and at run time the broken message is treated as missing.
 */
final class Catalogue {
  static final String RESOURCE_DIR = "/i18n/";
  private static final Pattern KEY = Pattern.compile("([a-z0-9_]+(?:\\.[a-z0-9_]+)*)(?:\\[([a-z]+)])?");

  /** A message: either one text, or one text per plural category. */
  sealed interface Entry permits Simple, Plural {
    /** Every placeholder of the message (of all its forms). */
    Set<String> placeholders();
  }

  record Simple(Template template) implements Entry {
    @Override
    public Set<String> placeholders() {
      return template.placeholders();
    }
  }

  /** @param selector the placeholder whose number picks the form */
  record Plural(Map<Category, Template> forms, String selector) implements Entry {
    @Override
    public Set<String> placeholders() {
      Set<String> all = new LinkedHashSet<>();
      forms.values().forEach(t -> all.addAll(t.placeholders()));
      return all;
    }
  }

  private final String tag;
  private final Map<String, Entry> entries;
  private final List<String> problems;

  private Catalogue(String tag, Map<String, Entry> entries, List<String> problems) {
    this.tag = tag;
    this.entries = entries;
    this.problems = problems;
  }

  static String resource(String tag) {
    return RESOURCE_DIR + "messages_" + tag + ".properties";
  }

  /** Reads the catalogue of {@code tag}; a locale without a file has no messages and one problem. */
  static Catalogue load(String tag) {
    try (InputStream in = Catalogue.class.getResourceAsStream(resource(tag))) {
      if (in == null) return new Catalogue(tag, Map.of(), List.of("No catalogue " + resource(tag) + " on the class path"));
      return parse(tag, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource(tag), e);
    }
  }

  static Catalogue parse(String tag, Reader text) throws IOException {
    List<String> problems = new ArrayList<>();
    Properties lines = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        Object old = super.put(key, value);
        if (old != null) problems.add(tag + ": " + key + " is given twice");
        return old;
      }
    };
    lines.load(text);

    Map<String, Entry> entries = new HashMap<>();
    Map<String, Map<Category, Template>> plurals = new TreeMap<>();
    for (String line : lines.stringPropertyNames()) {
      String value = lines.getProperty(line);
      Matcher m = KEY.matcher(line);
      if (!m.matches()) {
        problems.add(tag + ": bad key \"" + line + "\" (lower case ids with dots, optionally [category])");
        continue;
      }
      if (value.isBlank()) {
        problems.add(tag + ": " + line + " is empty");
        continue;
      }
      if (!value.equals(value.strip())) problems.add(tag + ": " + line + " starts or ends with white space");
      Template t;
      try {
        t = Template.parse(value);
      } catch (IllegalArgumentException e) {
        problems.add(tag + ": " + line + ": " + e.getMessage());
        continue;
      }
      String key = m.group(1);
      if (m.group(2) == null) {
        entries.put(key, new Simple(t));
      } else {
        Category c = Category.fromKey(m.group(2));
        if (c == null) {
          problems.add(tag + ": " + line + ": no plural category \"" + m.group(2) + "\"");
          continue;
        }
        plurals.computeIfAbsent(key, k -> new EnumMap<>(Category.class)).put(c, t);
      }
    }
    for (Map.Entry<String, Map<Category, Template>> p : plurals.entrySet()) {
      String key = p.getKey();
      if (entries.containsKey(key)) {
        problems.add(tag + ": " + key + " is both a plain and a plural message");
        entries.remove(key);
        continue;
      }
      if (!p.getValue().containsKey(Category.OTHER)) {
        problems.add(tag + ": " + key + " has no [other] form");
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      p.getValue().values().forEach(t -> names.addAll(t.placeholders()));
      String selector = names.contains("count") ? "count" : names.size() == 1 ? names.iterator().next() : null;
      if (selector == null) {
        problems.add(tag + ": " + key + " is plural but has neither {count} nor a single placeholder to count by");
        continue;
      }
      entries.put(key, new Plural(Collections.unmodifiableMap(p.getValue()), selector));
    }
    return new Catalogue(tag, Collections.unmodifiableMap(entries), List.copyOf(problems));
  }

  String tag() {
    return tag;
  }

  Entry entry(String key) {
    return entries.get(key);
  }

  Map<String, Entry> entries() {
    return entries;
  }

  List<String> problems() {
    return problems;
  }
}
