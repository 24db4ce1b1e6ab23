package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.Invoice;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Subscription;
import io.portico.domain.portal.Reason;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalogue covers every code the portal API and the domain hand to the pages: each
 * {@link Reason} (found by reflection, so a new one fails here until it is translated), with the
 * English text kept identical to Reason.java, and the vocabularies the pages show (statuses,
 * cancellation reasons, payment method types).
 */
class ReasonCatalogueTest {
  private static final Messages EN = Messages.forLocale("en");

  /** A sample bound small enough to print the same with or without digit grouping. */
  private static final int SAMPLE = 7;

  @Test
  void everyReasonConstantHasAMessageWithReasonsOwnEnglish() throws IllegalAccessException {
    List<String> problems = new ArrayList<>();
    int seen = 0;
    for (Field f : Reason.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Reason.class) continue;
      Reason r = (Reason) f.get(null);
      seen++;
      String key = "reason." + r.code();
      if (!EN.has(key)) problems.add("no message " + key);
      else if (!EN.get(key).equals(r.message())) problems.add(key + " is \"" + EN.get(key) + "\", Reason.java says \"" + r.message() + "\"");
    }
    assertTrue(seen >= 20, "found only " + seen + " Reason constants");
    assertEquals(List.of(), problems);
  }

  @Test
  void everyReasonFactoryHasAMessageWhosePlaceholdersAreItsParameters() throws ReflectiveOperationException {
    // Number parameters become placeholders ({minimum}); a String "field" picks one message per field, as the
    // English sentence names the field ("Your email address cannot be changed here.").
    List<String> problems = new ArrayList<>();
    int seen = 0;
    for (Method m : Reason.class.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Reason.class) continue;
      seen++;
      Parameter[] params = m.getParameters();
      assertTrue(params.length == 1 && params[0].isNamePresent(), m + ": one named parameter (compile with -parameters)");
      Parameter p = params[0];
      if (p.getType() == String.class) {
        assertEquals("field", p.getName(), m + ": the only text parameter the catalogue knows is a customer_update field");
        for (String field : PortalConfiguration.CUSTOMER_UPDATE_FIELDS) {
          Reason r = (Reason) m.invoke(null, field);
          String key = "reason." + r.code() + "." + field;
          if (!EN.has(key)) problems.add("no message " + key);
          else if (!EN.reason(r.code(), Map.of("field", field)).equals(r.message())) {
            problems.add(key + " is \"" + EN.get(key) + "\", Reason." + m.getName() + " says \"" + r.message() + "\"");
          }
        }
        continue;
      }
      assertTrue(p.getType() == long.class || p.getType() == int.class, m + ": a number or a field");
      Reason r = (Reason) m.invoke(null, p.getType() == long.class ? (Object) (long) SAMPLE : (Object) SAMPLE);
      Map<String, Object> named = Map.of(p.getName(), SAMPLE);
      String key = "reason." + r.code();
      if (!EN.has(key)) {
        problems.add("no message " + key);
        continue;
      }
      Set<String> placeholders = Catalogue.load("en").entry(key).placeholders();
      if (!placeholders.equals(named.keySet())) problems.add(key + " has " + placeholders + ", " + m.getName() + " takes " + named.keySet());
      if (!EN.get(key, named).equals(r.message())) {
        problems.add(key + " gives \"" + EN.get(key, named) + "\", Reason." + m.getName() + " says \"" + r.message() + "\"");
      }
    }
    assertTrue(seen >= 4, "found only " + seen + " Reason factories");
    assertEquals(List.of(), problems);
  }

  @Test
  void aFieldRefusalNamesTheFieldInEveryLocale() {
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Messages m = Messages.forLocale(tag);
      Set<String> texts = new java.util.HashSet<>();
      for (String field : PortalConfiguration.CUSTOMER_UPDATE_FIELDS) {
        texts.add(m.reason("customer_update_field_not_allowed", Map.of("field", field)));
      }
      assertEquals(PortalConfiguration.CUSTOMER_UPDATE_FIELDS.size(), texts.size(), tag + ": one sentence per field " + texts);
    }
    assertEquals("reason.customer_update_field_not_allowed", EN.reason("customer_update_field_not_allowed", Map.of("field", "fax")));
  }

  @Test
  void theBoundsOfQuantityAndCommentAreFormattedAndPluralizedPerLocale() {
    Messages pl = Messages.forLocale("pl");
    assertTrue(pl.reason("comment_too_long", Map.of("maximum", 500)).contains("500"));
    assertTrue(Messages.forLocale("de").reason("quantity_above_maximum", Map.of("maximum", 1200)).contains("1.200"));
    assertEquals("The quantity must be at least 2.", EN.reason("quantity_below_minimum", Map.of("minimum", 2)));
    assertEquals("Please keep your comment to 1 character.", EN.reason("comment_too_long", Map.of("maximum", 1)));
  }

  @Test
  void everyVocabularyThePagesShowHasItsMessages() {
    List<String> missing = new ArrayList<>();
    PortalConfiguration.CANCELLATION_REASONS.forEach(r -> need(missing, "cancel.survey.reason." + r));
    Subscription.STATUSES.forEach(s -> need(missing, "subscription.status." + s));
    Invoice.STATUSES.forEach(s -> need(missing, "invoice.status." + s));
    List.of("card", "sepa_debit", "us_bank_account", "bacs_debit", "au_becs_debit", "acss_debit", "link", "paypal")
        .forEach(t -> need(missing, "pm.type." + t));
    PortalConfiguration.PRORATION_BEHAVIORS.forEach(b -> need(missing, "update.proration." + b));
    List.of("day", "week", "month", "year").forEach(i -> {
      need(missing, "price.per." + i);
      need(missing, "price.every." + i);
      need(missing, "update.interval." + i);
    });
    List.of("pending", "verified", "unverified", "unavailable").forEach(s -> need(missing, "tax_id.status." + s));
    assertEquals(List.of(), missing);
  }

  @Test
  void everyMessageOfEveryLocaleFormatsWithSampleArguments() {
    // Rendering each text with every placeholder filled must leave no brace behind and miss nothing.
    List<String> problems = new ArrayList<>();
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Messages m = Messages.forLocale(tag);
      Set<String> missedBefore = new java.util.HashSet<>(m.misses()); // other tests miss on purpose
      for (String key : new TreeSet<>(m.keys())) {
        Map<String, Object> args = new HashMap<>();
        for (String name : Catalogue.load(tag).entry(key).placeholders()) args.put(name, name.equals("count") ? 3 : "X");
        for (long n : new long[] {0, 1, 2, 3, 5, 11, 21, 22, 101, 1_000_000}) {
          if (args.containsKey("count")) args.put("count", n);
          if (args.containsKey("maximum")) args.put("maximum", n);
          String text = m.get(key, args);
          if (text.contains("{") || text.contains("}") || text.equals(key)) problems.add(tag + ": " + key + " → " + text);
        }
      }
      Set<String> missed = new TreeSet<>(m.misses());
      missed.removeAll(missedBefore);
      if (!missed.isEmpty()) problems.add(tag + ": misses " + missed);
    }
    assertEquals(List.of(), problems);
  }

  private static void need(List<String> missing, String key) {
    if (!EN.has(key)) missing.add(key);
  }
}
