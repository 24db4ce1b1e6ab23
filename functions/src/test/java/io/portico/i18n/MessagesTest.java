package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static final Messages EN = Messages.forLocale("en");

  @Test
  void placeholdersAreFilledByName() {
    assertEquals("Return to Acme", EN.get("nav.return_to", Map.of("business", "Acme")));
    assertEquals("Acme partners with Portico for simplified billing.", EN.get("app.headline_default", Map.of("business", "Acme")));
    assertEquals("Zurück zu Acme", Messages.forLocale("de").get("nav.return_to", Map.of("business", "Acme")));
  }

  @Test
  void numberArgumentsAreFormattedForTheLocale() {
    assertEquals("Quantity: 1,200", EN.get("subscription.quantity", Map.of("count", 1200)));
    assertTrue(Messages.forLocale("de").get("subscription.quantity", Map.of("count", 1200)).contains("1.200"));
  }

  @Test
  void pluralMessagesPickTheirFormByCount() {
    assertEquals("You have 1 unpaid invoice.", EN.plural("invoice.open_count", 1));
    assertEquals("You have 2 unpaid invoices.", EN.plural("invoice.open_count", 2));
    assertEquals("You have 0 unpaid invoices.", EN.plural("invoice.open_count", 0));
    Messages pl = Messages.forLocale("pl");
    Set<String> forms = new HashSet<>();
    for (long n : new long[] {1, 2, 5, 22, 25}) forms.add(pl.plural("invoice.open_count", n).replaceAll("\\d", ""));
    assertEquals(3, forms.size(), "Polish has one, few and many forms: " + forms);
    assertEquals(pl.plural("invoice.open_count", 2).replace("2", "22"), pl.plural("invoice.open_count", 22));
  }

  @Test
  void aPluralMessageCountsByItsOnlyPlaceholderWhenItHasNoCount() {
    assertEquals("Please keep your comment to 500 characters.", EN.get("reason.comment_too_long", Map.of("maximum", 500)));
  }

  @Test
  void aMissingKeyReturnsTheKeyAndIsRecordedNeverEnglish() {
    Messages de = Messages.forLocale("de");
    assertEquals("home.no_such_key", de.get("home.no_such_key"));
    assertTrue(de.misses().contains("home.no_such_key"));
    assertFalse(de.has("home.no_such_key"));
  }

  @Test
  void aMissingArgumentStaysVisibleAndIsRecorded() {
    Messages sv = Messages.forLocale("sv");
    String text = sv.get("nav.return_to");
    assertTrue(text.contains("{business}"), text);
    assertTrue(sv.misses().contains("nav.return_to {business}"));
    assertTrue(sv.get("invoice.open_count", Map.of()).contains("{count}"));
    assertTrue(sv.misses().contains("invoice.open_count"));
  }

  @Test
  void onlyPortalLocalesAreLoaded() {
    assertThrows(IllegalArgumentException.class, () -> Messages.forLocale("de-AT"));
    assertThrows(IllegalArgumentException.class, () -> Messages.forLocale("auto"));
    assertEquals("de", Messages.negotiate("auto", "de-AT,en;q=0.5").tag());
  }

  @Test
  void localesAreLoadedLazilyOneAtATimeAndKept() {
    Set<String> before = new HashSet<>(Messages.loadedLocales());
    Messages mt = Messages.forLocale("mt");
    Set<String> added = new HashSet<>(Messages.loadedLocales());
    added.removeAll(before);
    assertTrue(added.isEmpty() || added.equals(Set.of("mt")), "loading mt loaded " + added);
    assertSame(mt, Messages.forLocale("mt"));
  }

  @Test
  void aCatalogueLoadsFast() {
    long start = System.nanoTime();
    Catalogue c = Catalogue.load("ja");
    long micros = (System.nanoTime() - start) / 1000;
    assertTrue(c.entries().size() > 250);
    System.out.println("Catalogue ja: " + c.entries().size() + " messages read in " + micros + " µs");
  }

  @Test
  void messagesCarryTheirLocaleForMoneyAndDates() {
    Messages de = Messages.forLocale("de");
    assertEquals("de", de.tag());
    assertEquals("1.234,56\u00a0€", de.money(123456, "eur"));
    assertEquals("21. November 2026", de.dateLong(1_795_262_400L));
    assertEquals("November 21, 2026", EN.dateLong(1_795_262_400L));
  }

  @Test
  void aBrokenCatalogueReportsEveryProblemAndKeepsTheRest() throws IOException {
    Catalogue c = Catalogue.parse("de", new StringReader(String.join("\n",
        "good=Gut {name}",
        "Bad.Key=x",
        "stray=Ein { allein",
        "empty=",
        "plural[one]=ein {count}",
        "plural[other]={count} mehr",
        "noother[one]={count}",
        "odd[dual]=x",
        "two_args[other]={a} {b}",
        "twice=a",
        "twice=b")));
    assertEquals(Set.of("good", "plural", "twice"), c.entries().keySet());
    List<String> p = c.problems();
    assertEquals(7, p.size(), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("Bad.Key")));
    assertTrue(p.stream().anyMatch(s -> s.contains("stray")));
    assertTrue(p.stream().anyMatch(s -> s.contains("empty is empty")));
    assertTrue(p.stream().anyMatch(s -> s.contains("noother has no [other]")));
    assertTrue(p.stream().anyMatch(s -> s.contains("dual")));
    assertTrue(p.stream().anyMatch(s -> s.contains("two_args")));
    assertTrue(p.stream().anyMatch(s -> s.contains("twice is given twice")));
  }

  @Test
  void apostrophesAndOtherCharactersAreLiteral() {
    Template t = Template.parse("l'abonnement de {business} ’s «{x}» 100%");
    assertEquals("l'abonnement de Acme ’s «1» 100%", t.format(n -> n.equals("business") ? "Acme" : "1"));
    assertEquals(Set.of("business", "x"), t.placeholders());
  }
}
