package io.portico.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the 40 portal locales a customer sees. Stripe's rule for a portal session's
 * {@code locale}: a set locale wins; when it is blank or {@code auto}, "the customer's
 * {@code preferred_locales} or browser locale is used"; with nothing usable, English.
 *
 * <p>A requested tag maps to a portal locale by these steps, the first that answers wins:
 * <ol>
 *   <li>the tag itself, ignoring case and {@code _}/{@code -} ({@code pt_br} is {@code pt-BR});</li>
 *   <li>a regional variant we translate: {@code zh-Hant}, {@code zh-TW} → {@code zh-TW}; {@code zh-HK},
 *       {@code zh-MO}, {@code zh-Hant-HK} → {@code zh-HK}; {@code zh-Hans-*}, {@code zh-CN}, {@code zh-SG} and any other
 *       {@code zh} → {@code zh} (Simplified); Spanish of Latin America and the US ({@code es-MX}, {@code es-AR}, {@code es-US}...)
 *       → {@code es-419}; {@code fr-CA} → {@code fr-CA}; {@code pt-BR} → {@code pt-BR};</li>
 *   <li>English outside the US sphere ({@code en-AU}, {@code en-NZ}, {@code en-IE}, {@code en-IN},
 *       {@code en-SG}, {@code en-ZA}...: the regions CLDR gives day-first dates and British spelling,
 *       its {@code en_001} family) → {@code en-GB}; {@code en-US}, {@code en-CA}, {@code en-PH} and the US
 *       territories → {@code en}. Stripe accepts {@code en-AU}, {@code en-CA}, {@code en-IE},
 *       {@code en-IN}, {@code en-NZ}, {@code en-SG} as session locales; they land here.</li>
 *   <li>the language alone: {@code de-AT} → {@code de}, {@code pt-PT} → {@code pt}, {@code fr-BE} →
 *       {@code fr}; and the old or sister codes browsers still send: {@code no}, {@code nn} → {@code nb},
 *       {@code tl} → {@code fil}, {@code in} → {@code id}.</li>
 * </ol>
 * A language we do not have ({@code ar}, {@code he}, {@code *}) matches nothing, and the next
 * preference is tried.
 */
public final class LocaleNegotiation {
  /** The portal's locales: Stripe's billing portal locales less its English regional variants. */
  public static final List<String> SUPPORTED = List.of(
      "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja",
      "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK",
      "zh-TW");
  public static final String DEFAULT = "en";
  public static final String AUTO = "auto";

  /** Latin America and the US, where Spanish speakers expect es-419 (CLDR's es_419 children). */
  private static final Set<String> LATIN_AMERICA = Set.of(
      "419", "AR", "BO", "BR", "BZ", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY", "SV", "US",
      "UY", "VE");
  /** English regions CLDR keeps under plain en (US conventions) rather than en_001; plus Canada and the Philippines by choice. */
  private static final Set<String> US_ENGLISH = Set.of("US", "AS", "GU", "MH", "MP", "PR", "UM", "VI", "CA", "PH");
  /** Accept-Language entries read at most: a header is short; a long one is not worth parsing in full. */
  private static final int MAX_RANGES = 32;

  private LocaleNegotiation() {}

  /** {@link #pick(String, List, String)} without the customer's preferred locales. */
  public static String pick(String sessionLocale, String acceptLanguage) {
    return pick(sessionLocale, List.of(), acceptLanguage);
  }

  /**
   * The portal locale for a session.
   *
   * @param sessionLocale the session's {@code locale}: a tag, {@code auto}, or null
   * @param preferredLocales the customer's {@code preferred_locales} (may be null), tried in order
   * @param acceptLanguage the browser's {@code Accept-Language} header, or null
   * @return one of {@link #SUPPORTED}; {@link #DEFAULT} when nothing matches
   */
  public static String pick(String sessionLocale, List<String> preferredLocales, String acceptLanguage) {
    if (sessionLocale != null && !sessionLocale.isBlank() && !AUTO.equalsIgnoreCase(sessionLocale.trim())) {
      Optional<String> set = resolve(sessionLocale);
      if (set.isPresent()) return set.get();
    }
    if (preferredLocales != null) {
      for (String preferred : preferredLocales) {
        Optional<String> p = resolve(preferred);
        if (p.isPresent()) return p.get();
      }
    }
    for (String range : acceptLanguage(acceptLanguage)) {
      Optional<String> r = resolve(range);
      if (r.isPresent()) return r.get();
    }
    return DEFAULT;
  }

  /** The portal locale for one requested tag, or empty when we do not speak its language. */
  public static Optional<String> resolve(String tag) {
    if (tag == null) return Optional.empty();
    String t = tag.trim().replace('_', '-');
    if (t.isEmpty() || t.length() > 64 || !t.matches("[A-Za-z0-9-]+")) return Optional.empty();
    for (String s : SUPPORTED) {
      if (s.equalsIgnoreCase(t)) return Optional.of(s);
    }
    Locale l = Locale.forLanguageTag(t);
    String lang = l.getLanguage(); // lower case; Java maps "iw", "in", "ji" to "he", "id", "yi"
    String region = l.getCountry(); // upper case, or "" (a 3-digit UN region such as 419 too)
    String script = l.getScript(); // title case, or ""
    switch (lang) {
      case "zh":
        if (script.equals("Hans")) return Optional.of("zh");
        if (region.equals("HK") || region.equals("MO")) return Optional.of("zh-HK");
        if (region.equals("TW") || script.equals("Hant")) return Optional.of("zh-TW");
        return Optional.of("zh");
      case "es":
        return Optional.of(LATIN_AMERICA.contains(region) ? "es-419" : "es");
      case "pt":
        return Optional.of(region.equals("BR") ? "pt-BR" : "pt");
      case "fr":
        return Optional.of(region.equals("CA") ? "fr-CA" : "fr");
      case "en":
        return Optional.of(region.isEmpty() || US_ENGLISH.contains(region) ? "en" : "en-GB");
      case "no", "nn":
        return Optional.of("nb");
      case "tl":
        return Optional.of("fil");
      default:
        return SUPPORTED.contains(lang) ? Optional.of(lang) : Optional.empty();
    }
  }

  /**
   * The language ranges of an {@code Accept-Language} header, most wanted first (RFC 9110: by
   * {@code q}, ties in the order given); ranges with {@code q=0}, malformed ones and {@code *} are dropped.
   */
  public static List<String> acceptLanguage(String header) {
    if (header == null || header.isBlank()) return List.of();
    record Range(String tag, double q, int order) {}
    List<Range> ranges = new ArrayList<>();
    String[] parts = header.split(",", MAX_RANGES + 1);
    for (int i = 0; i < Math.min(parts.length, MAX_RANGES); i++) {
      String[] fields = parts[i].split(";");
      if (fields.length == 0) continue;
      String tag = fields[0].trim();
      double q = 1.0;
      for (int j = 1; j < fields.length; j++) {
        String param = fields[j].trim();
        if (param.length() > 2 && param.substring(0, 2).equalsIgnoreCase("q=")) {
          q = quality(param.substring(2).trim());
        }
      }
      if (q > 0 && !tag.isEmpty() && !tag.equals("*")) ranges.add(new Range(tag, q, i));
    }
    ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
    return ranges.stream().map(Range::tag).toList();
  }

  /** RFC 9110 qvalue: 0 to 1 with up to three decimals; anything else counts as 0 (not acceptable). */
  private static double quality(String value) {
    if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) return 0;
    return Double.parseDouble(value);
  }
}
