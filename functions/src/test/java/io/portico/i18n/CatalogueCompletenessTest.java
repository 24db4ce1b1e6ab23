package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.portico.i18n.Catalogue.Entry;
import io.portico.i18n.Catalogue.Plural;
import io.portico.i18n.Catalogue.Simple;
import io.portico.i18n.PluralRules.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #5's check: every locale has every message, and only real translations. It fails on a key
 * missing from any of the 40 catalogues (or present in one and not in English), on a placeholder
 * that differs from the English one, on plural forms that are not exactly the categories the
 * language needs, on a broken line, and on a text left in English (unless the exception is listed,
 * with its reason, in {@code src/test/resources/i18n/same-as-english.txt}).
 */
class CatalogueCompletenessTest {
  private static final String SOURCE = "en";
  /** Locales that are English themselves: their texts may, and mostly do, equal the source's. */
  private static final Set<String> ENGLISH = Set.of("en", "en-GB");

  private static final Map<String, Catalogue> CATALOGUES = new HashMap<>();
  private static Catalogue english;

  @BeforeAll
  static void load() {
    for (String tag : LocaleNegotiation.SUPPORTED) CATALOGUES.put(tag, Catalogue.load(tag));
    english = CATALOGUES.get(SOURCE);
  }

  @Test
  void thereAreFortyLocalesAndEachHasACatalogue() {
    assertEquals(40, LocaleNegotiation.SUPPORTED.size());
    assertEquals(40, new HashSet<>(LocaleNegotiation.SUPPORTED).size());
    for (String tag : LocaleNegotiation.SUPPORTED) {
      assertTrue(Catalogue.class.getResource(Catalogue.resource(tag)) != null, "no catalogue file for " + tag);
    }
  }

  @Test
  void everyCatalogueParsesCleanly() {
    List<String> problems = new ArrayList<>();
    CATALOGUES.values().forEach(c -> problems.addAll(c.problems()));
    assertEquals(List.of(), problems);
  }

  @Test
  void everyLocaleHasExactlyTheEnglishKeys() {
    List<String> problems = new ArrayList<>();
    Set<String> source = english.entries().keySet();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Set<String> keys = CATALOGUES.get(tag).entries().keySet();
      for (String k : new TreeSet<>(source)) if (!keys.contains(k)) problems.add(tag + ": missing " + k);
      for (String k : new TreeSet<>(keys)) if (!source.contains(k)) problems.add(tag + ": " + k + " is not in " + SOURCE);
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void placeholdersAreTheEnglishOnesInEveryTextAndForm() {
    List<String> problems = new ArrayList<>();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      for (Map.Entry<String, Entry> e : new java.util.TreeMap<>(CATALOGUES.get(tag).entries()).entrySet()) {
        Entry source = english.entry(e.getKey());
        if (source == null) continue; // reported by everyLocaleHasExactlyTheEnglishKeys
        Set<String> want = source.placeholders();
        for (Map.Entry<String, Template> text : texts(e.getKey(), e.getValue()).entrySet()) {
          if (!text.getValue().placeholders().equals(want)) {
            problems.add(tag + ": " + text.getKey() + " has " + text.getValue().placeholders() + ", " + SOURCE + " has " + want);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void pluralMessagesHaveExactlyTheFormsTheirLanguageNeeds() {
    List<String> problems = new ArrayList<>();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Set<Category> needed = PluralRules.categories(tag);
      for (Map.Entry<String, Entry> e : english.entries().entrySet()) {
        Entry entry = CATALOGUES.get(tag).entry(e.getKey());
        if (entry == null) continue;
        boolean plural = e.getValue() instanceof Plural;
        if (plural != entry instanceof Plural) {
          problems.add(tag + ": " + e.getKey() + (plural ? " must be plural, as in " : " must not be plural, as in ") + SOURCE);
        } else if (entry instanceof Plural p && !p.forms().keySet().equals(needed)) {
          problems.add(tag + ": " + e.getKey() + " has forms " + p.forms().keySet() + ", the language needs " + needed);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noTextIsLeftInEnglishUnlessListed() throws IOException {
    Map<String, Set<String>> allowed = sameAsEnglish();
    List<String> problems = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      if (ENGLISH.contains(tag)) continue;
      for (Map.Entry<String, Entry> e : CATALOGUES.get(tag).entries().entrySet()) {
        Entry source = english.entry(e.getKey());
        if (source == null) continue;
        Map<String, Template> mine = texts(e.getKey(), e.getValue());
        Set<String> englishTexts = new HashSet<>();
        texts(e.getKey(), source).values().forEach(t -> englishTexts.add(t.source()));
        for (Map.Entry<String, Template> text : mine.entrySet()) {
          if (!englishTexts.contains(text.getValue().source())) continue;
          Set<String> locales = allowed.getOrDefault(e.getKey(), Set.of());
          if (locales.contains(tag) || locales.contains("*")) {
            used.add(e.getKey() + " " + (locales.contains("*") ? "*" : tag));
          } else {
            problems.add(tag + ": " + text.getKey() + " is the English text \"" + text.getValue().source() + "\"");
          }
        }
      }
    }
    assertEquals(List.of(), problems, "translate these, or list them in same-as-english.txt with the reason");
    List<String> stale = new ArrayList<>();
    allowed.forEach((key, locales) -> locales.forEach(l -> {
      if (!used.contains(key + " " + l)) stale.add(key + " " + l);
    }));
    assertEquals(List.of(), stale, "same-as-english.txt lists texts that are translated now: remove these lines");
  }

  @Test
  void textsArePlainText() {
    List<String> problems = new ArrayList<>();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      for (Map.Entry<String, Entry> e : CATALOGUES.get(tag).entries().entrySet()) {
        for (Map.Entry<String, Template> text : texts(e.getKey(), e.getValue()).entrySet()) {
          String s = text.getValue().source();
          if (s.matches("(?s).*<[a-zA-Z/!].*") || s.contains("\uFFFD") || s.contains("\\") || s.contains("TODO")) {
            problems.add(tag + ": " + text.getKey() + " is not plain, clean text: " + s);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void thereIsNoCatalogueForALocaleThePortalDoesNotOffer() throws Exception {
    // A messages_de-AT.properties would never be read: LocaleNegotiation maps de-AT to de.
    // The directory English comes from (test resources have an i18n/ directory too).
    java.net.URL en = Catalogue.class.getResource(Catalogue.resource(SOURCE));
    assertTrue(en != null && "file".equals(en.getProtocol()), "tests read the catalogues from a directory: " + en);
    List<String> strays = new ArrayList<>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(en.toURI()).getParent())) {
      files.map(f -> f.getFileName().toString())
          .filter(n -> !n.matches("messages_(.+)\\.properties") || !LocaleNegotiation.SUPPORTED.contains(n.substring(9, n.length() - 11)))
          .forEach(strays::add);
    }
    assertEquals(List.of(), strays);
  }

  @Test
  void theOtherReasonRefusalQuotesTheOtherOptionsOwnLabel() {
    // reason.comment_needs_other tells the customer to choose "Other": the word must be the option's label.
    List<String> problems = new ArrayList<>();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Catalogue c = CATALOGUES.get(tag);
      String label = ((Simple) c.entry("cancel.survey.reason.other")).template().source();
      String refusal = ((Simple) c.entry("reason.comment_needs_other")).template().source();
      if (!refusal.contains(label)) problems.add(tag + ": \"" + refusal + "\" does not name \"" + label + "\"");
    }
    assertEquals(List.of(), problems);
  }

  /** Each text of a message, by its line's key ("key" or "key[one]"). */
  private static Map<String, Template> texts(String key, Entry e) {
    Map<String, Template> texts = new java.util.LinkedHashMap<>();
    if (e instanceof Simple s) texts.put(key, s.template());
    if (e instanceof Plural p) p.forms().forEach((c, t) -> texts.put(key + "[" + c.key() + "]", t));
    return texts;
  }

  /** same-as-english.txt: {@code key locale...  # why}, {@code *} for every locale. */
  private static Map<String, Set<String>> sameAsEnglish() throws IOException {
    Map<String, Set<String>> allowed = new HashMap<>();
    try (InputStream in = CatalogueCompletenessTest.class.getResourceAsStream("/i18n/same-as-english.txt")) {
      if (in == null) fail("src/test/resources/i18n/same-as-english.txt is missing");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        int hash = line.indexOf('#');
        String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) continue;
        if (words.length < 2) fail("same-as-english.txt: no locale in \"" + line + "\"");
        if (hash < 0) fail("same-as-english.txt: say why after a #: \"" + line + "\"");
        Set<String> locales = allowed.computeIfAbsent(words[0], k -> new HashSet<>());
        for (int i = 1; i < words.length; i++) {
          if (!words[i].equals("*") && !LocaleNegotiation.SUPPORTED.contains(words[i])) fail("same-as-english.txt: no locale " + words[i]);
          locales.add(words[i]);
        }
      }
    }
    return allowed;
  }
}
