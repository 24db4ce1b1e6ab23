package io.portico.i18n;

import io.portico.i18n.Catalogue.Entry;
import io.portico.i18n.Catalogue.Plural;
import io.portico.i18n.Catalogue.Simple;
import io.portico.i18n.PluralRules.Category;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's words in one of its 40 locales: the entry point for pages.
 *
 * <pre>{@code
 * Messages m = Messages.forLocale(LocaleNegotiation.pick(session.locale(), request.header("Accept-Language")));
 * m.get("home.subscriptions.title");                                   // "Subscriptions"
 * m.get("nav.return_to", Map.of("business", "Acme"));                  // "Return to Acme"
 * m.get("invoices.open_count", Map.of("count", 3));                    // plural form for 3
 * m.reason(reason.code(), Map.of("minimum", 2));                       // a refusal from the portal API
 * m.money(123456, "eur");                                              // "€1,234.56"
 * }</pre>
 *
 * <p>Texts are plain text (escape them for HTML like any other value) with named placeholders.
 * Argument values: numbers are formatted for the locale (an integer with its grouping), anything
 * else with {@code toString()}: format money and dates first with {@link #money} and
 * {@link #dateLong}. A plural message picks its form from its {@code count} argument (or its only
 * argument) with {@link PluralRules}.
 *
 * <p>There is no fallback to English, or to any other locale. A key missing from the catalogue
 * returns the key itself, is logged once, and is listed in {@link #misses()}, which page tests can
 * assert empty; the locale completeness test makes a missing key a build failure in the first
 * place. A locale's catalogue is read on its first use only (a Lambda cold start reads one file,
 * about 30 KB), then kept.
 */
public final class Messages {
  private static final Logger LOG = LoggerFactory.getLogger(Messages.class);
  private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();
  private static final int MAX_MISSES = 1000;

  private final String tag;
  private final Locale locale;
  private final Catalogue catalogue;
  private final Set<String> misses = ConcurrentHashMap.newKeySet();

  private Messages(Catalogue catalogue) {
    this.tag = catalogue.tag();
    this.locale = Formats.locale(tag);
    this.catalogue = catalogue;
    for (String problem : catalogue.problems()) LOG.error("Message catalogue problem: {}", problem);
  }

  /**
   * The messages of a portal locale, as {@link LocaleNegotiation#pick} returns it.
   *
   * @throws IllegalArgumentException for a tag that is not one of {@link LocaleNegotiation#SUPPORTED}
   *     (negotiate first: "de-AT" is not a portal locale, "de" is)
   */
  public static Messages forLocale(String tag) {
    if (!LocaleNegotiation.SUPPORTED.contains(tag)) {
      throw new IllegalArgumentException("Not a portal locale: " + tag + " (use LocaleNegotiation.pick)");
    }
    return LOADED.computeIfAbsent(tag, t -> new Messages(Catalogue.load(t)));
  }

  /** Negotiates and loads in one step: {@code forLocale(LocaleNegotiation.pick(sessionLocale, acceptLanguage))}. */
  public static Messages negotiate(String sessionLocale, String acceptLanguage) {
    return forLocale(LocaleNegotiation.pick(sessionLocale, acceptLanguage));
  }

  /** The locales whose catalogues have been read in this JVM (tests check the loading is lazy). */
  static Set<String> loadedLocales() {
    return Collections.unmodifiableSet(LOADED.keySet());
  }

  /** The portal locale tag ("pt-BR"); also what a page's {@code <html lang>} should say. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** Whether the catalogue has {@code key}. */
  public boolean has(String key) {
    return catalogue.entry(key) != null;
  }

  /** A message without arguments. */
  public String get(String key) {
    return get(key, Map.of());
  }

  /** A message with its arguments, by placeholder name. */
  public String get(String key, Map<String, ?> args) {
    Entry e = catalogue.entry(key);
    if (e == null) {
      miss(key, "no such message");
      return key;
    }
    if (e instanceof Simple s) return fill(key, s.template(), args);
    Plural p = (Plural) e;
    Object n = args.get(p.selector());
    Category c;
    if (n instanceof Number number) {
      c = PluralRules.select(tag, count(number));
    } else {
      miss(key, "plural message without a number for {" + p.selector() + "}");
      c = Category.OTHER;
    }
    Template t = p.forms().get(c);
    if (t == null) {
      miss(key + "[" + c.key() + "]", "no plural form " + c.key());
      t = p.forms().get(Category.OTHER);
    }
    return fill(key, t, args);
  }

  /** A plural message for {@code count}, which is also its {@code {count}} argument. */
  public String plural(String key, long count) {
    return get(key, Map.of("count", count));
  }

  /**
   * A refusal from the portal API ({@code io.portico.domain.portal.Reason}), by its code:
   * {@code reason.<code>}. Its arguments: {@code minimum} for {@code quantity_below_minimum},
   * {@code maximum} for {@code quantity_above_maximum} and {@code comment_too_long}, and
   * {@code field} for {@code customer_update_field_not_allowed}, whose sentence names the field and so
   * has one message per field ({@code reason.customer_update_field_not_allowed.email}...).
   */
  public String reason(String code, Map<String, ?> args) {
    String key = "reason." + code;
    if (args.get("field") instanceof String field && has(key + "." + field)) return get(key + "." + field, args);
    return get(key, args);
  }

  public String reason(String code) {
    return reason(code, Map.of());
  }

  /** Money in this locale; see {@link Formats#money}. */
  public String money(long minor, String currency) {
    return Formats.money(minor, currency, locale);
  }

  /** A Unix timestamp (Stripe's seconds) as a long date in this locale, in UTC. */
  public String dateLong(long epochSecond) {
    return Formats.dateLong(Instant.ofEpochSecond(epochSecond), locale);
  }

  /** A Unix timestamp as a short numeric date in this locale, in UTC. */
  public String dateShort(long epochSecond) {
    return Formats.dateShort(Instant.ofEpochSecond(epochSecond), locale);
  }

  public String number(long n) {
    return Formats.number(n, locale);
  }

  /** Keys (or {@code key[category]}) looked up and not found, and arguments not given, since this locale was loaded. */
  public Set<String> misses() {
    return Collections.unmodifiableSet(misses);
  }

  /**
   * The catalogue as the hosted page's script uses it: each key's text with its placeholders, or for
   * a plural message its texts by category ({@code {"one": …, "other": …}}). The page picks the form
   * with the browser's {@code Intl.PluralRules}, falling back to {@code other} as {@link #get} does.
   */
  public Map<String, Object> forScript() {
    Map<String, Object> out = new java.util.TreeMap<>();
    catalogue.entries().forEach((key, entry) -> {
      if (entry instanceof Simple s) {
        out.put(key, s.template().source());
      } else {
        Map<String, String> forms = new java.util.TreeMap<>();
        ((Plural) entry).forms().forEach((category, t) -> forms.put(category.key(), t.source()));
        out.put(key, forms);
      }
    });
    return out;
  }

  /** The message keys of this catalogue (plural messages once, without their [category]). */
  public Set<String> keys() {
    return catalogue.entries().keySet();
  }

  private String fill(String key, Template t, Map<String, ?> args) {
    return t.format(name -> {
      Object v = args.get(name);
      if (v == null) {
        miss(key + " {" + name + "}", "no argument " + name);
        return null;
      }
      return text(v);
    });
  }

  private String text(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return Formats.number(((Number) v).longValue(), locale);
    }
    if (v instanceof BigInteger b) return Formats.number(new BigDecimal(b), locale);
    if (v instanceof BigDecimal d) return Formats.number(d, locale);
    if (v instanceof Double || v instanceof Float) return Formats.number(BigDecimal.valueOf(((Number) v).doubleValue()), locale);
    return v.toString();
  }

  private static long count(Number n) {
    if (n instanceof BigDecimal d) return d.longValue();
    if (n instanceof BigInteger b) return b.bitLength() < 64 ? b.longValue() : Long.MAX_VALUE;
    return n.longValue();
  }

  private void miss(String what, String why) {
    // Bounded: keys come from code, but a reason code comes from an API answer.
    if (misses.size() < MAX_MISSES && misses.add(what)) LOG.warn("Missing message in {}: {} ({})", tag, what, why);
  }
}
