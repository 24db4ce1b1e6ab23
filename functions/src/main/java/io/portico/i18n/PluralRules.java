package io.portico.i18n;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * CLDR cardinal plural rules (CLDR 46, {@code plurals.xml}) for the languages of the 40 portal
 * locales, written out by hand for whole numbers: the portal only counts things (seats, invoices,
 * days, months, characters). With no fraction, CLDR's operands collapse to {@code n = i} and
 * {@code v = f = t = 0}, which is how each rule below reads; categories that only fractions reach
 * (Czech {@code many}, Lithuanian {@code many}, Polish and Russian {@code other}...) are left out of
 * {@link #categories} and never asked of translators, except {@code other}, which every message has.
 *
 * <p>Two CLDR details that matter here: European Portuguese ({@code pt}, CLDR's {@code pt_PT}) puts
 * only 1 in {@code one} while Brazilian ({@code pt-BR}, CLDR's {@code pt}) puts 0 and 1 there; and
 * French, Spanish, Italian and Portuguese have a {@code many} form for exact millions ("1 000 000 de
 * places").
 */
public final class PluralRules {
  /** CLDR's plural categories. {@link #key()} is the name used in the catalogues: {@code key[one]}. */
  public enum Category {
    ZERO, ONE, TWO, FEW, MANY, OTHER;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code key} ("one"), or null when there is none. */
    public static Category fromKey(String key) {
      for (Category c : values()) {
        if (c.key().equals(key)) return c;
      }
      return null;
    }
  }

  /** A language's rule; each is one of the small families CLDR groups languages into. */
  private enum Rule {
    /** ja, ko, zh, th, vi, id, ms: no plural inflection. */
    OTHER_ONLY(EnumSet.of(Category.OTHER)),
    /** bg, da, de, el, en, et, fi, hu, nb, nl, sv, tr: one = 1. */
    ONE_IS_1(EnumSet.of(Category.ONE, Category.OTHER)),
    /** it, es, pt (Portugal): one = 1; many = exact millions. */
    ONE_IS_1_MANY_MILLIONS(EnumSet.of(Category.ONE, Category.MANY, Category.OTHER)),
    /** fr, pt-BR: one = 0 and 1; many = exact millions. */
    ONE_IS_0_1_MANY_MILLIONS(EnumSet.of(Category.ONE, Category.MANY, Category.OTHER)),
    /** fil: one unless the last digit is 4, 6 or 9. */
    FILIPINO(EnumSet.of(Category.ONE, Category.OTHER)),
    /** cs, sk: one = 1; few = 2..4. */
    CZECH(EnumSet.of(Category.ONE, Category.FEW, Category.OTHER)),
    /** hr: one = ..1 but not ..11; few = ..2-4 but not ..12-14. */
    CROATIAN(EnumSet.of(Category.ONE, Category.FEW, Category.OTHER)),
    /** ru: as Croatian, and many for the rest (0, 5-20, 25...). */
    RUSSIAN(EnumSet.of(Category.ONE, Category.FEW, Category.MANY, Category.OTHER)),
    /** pl: one = 1 only; few = ..2-4 but not ..12-14; many for the rest. */
    POLISH(EnumSet.of(Category.ONE, Category.FEW, Category.MANY, Category.OTHER)),
    /** lt: one = ..1 but not ..11-19; few = ..2-9 but not ..11-19. */
    LITHUANIAN(EnumSet.of(Category.ONE, Category.FEW, Category.OTHER)),
    /** lv: zero = ..0 or ..11-19; one = ..1 but not ..11. */
    LATVIAN(EnumSet.of(Category.ZERO, Category.ONE, Category.OTHER)),
    /** ro: one = 1; few = 0 and ..01-..19 other than 1 itself. */
    ROMANIAN(EnumSet.of(Category.ONE, Category.FEW, Category.OTHER)),
    /** sl: one = ..01; two = ..02; few = ..03-..04. */
    SLOVENIAN(EnumSet.of(Category.ONE, Category.TWO, Category.FEW, Category.OTHER)),
    /** mt (CLDR 42+): one = 1; two = 2; few = 0 and ..03-..10; many = ..11-..19. */
    MALTESE(EnumSet.of(Category.ONE, Category.TWO, Category.FEW, Category.MANY, Category.OTHER));

    final Set<Category> categories;

    Rule(Set<Category> categories) {
      this.categories = categories;
    }
  }

  private PluralRules() {}

  /** The category of the whole number {@code n} in the portal locale {@code tag} ("pt-BR", "ru"...). */
  public static Category select(String tag, long n) {
    long a = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n); // CLDR's n is the absolute value
    long mod10 = a % 10;
    long mod100 = a % 100;
    return switch (rule(tag)) {
      case OTHER_ONLY -> Category.OTHER;
      case ONE_IS_1 -> a == 1 ? Category.ONE : Category.OTHER;
      case ONE_IS_1_MANY_MILLIONS -> a == 1 ? Category.ONE : millions(a) ? Category.MANY : Category.OTHER;
      case ONE_IS_0_1_MANY_MILLIONS -> a <= 1 ? Category.ONE : millions(a) ? Category.MANY : Category.OTHER;
      case FILIPINO -> (a >= 1 && a <= 3) || (mod10 != 4 && mod10 != 6 && mod10 != 9) ? Category.ONE : Category.OTHER;
      case CZECH -> a == 1 ? Category.ONE : a >= 2 && a <= 4 ? Category.FEW : Category.OTHER;
      case CROATIAN -> mod10 == 1 && mod100 != 11 ? Category.ONE
          : mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14) ? Category.FEW : Category.OTHER;
      case RUSSIAN -> mod10 == 1 && mod100 != 11 ? Category.ONE
          : mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14) ? Category.FEW : Category.MANY;
      case POLISH -> a == 1 ? Category.ONE
          : mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14) ? Category.FEW : Category.MANY;
      case LITHUANIAN -> mod100 >= 11 && mod100 <= 19 ? Category.OTHER
          : mod10 == 1 ? Category.ONE : mod10 >= 2 ? Category.FEW : Category.OTHER;
      case LATVIAN -> mod10 == 0 || (mod100 >= 11 && mod100 <= 19) ? Category.ZERO
          : mod10 == 1 && mod100 != 11 ? Category.ONE : Category.OTHER;
      case ROMANIAN -> a == 1 ? Category.ONE : a == 0 || (mod100 >= 1 && mod100 <= 19) ? Category.FEW : Category.OTHER;
      case SLOVENIAN -> mod100 == 1 ? Category.ONE : mod100 == 2 ? Category.TWO
          : mod100 == 3 || mod100 == 4 ? Category.FEW : Category.OTHER;
      case MALTESE -> a == 1 ? Category.ONE : a == 2 ? Category.TWO
          : a == 0 || (mod100 >= 3 && mod100 <= 10) ? Category.FEW : mod100 >= 11 && mod100 <= 19 ? Category.MANY : Category.OTHER;
    };
  }

  /**
   * The categories whole numbers reach in {@code tag}, plus {@code other}: exactly the forms a
   * plural message needs in that locale's catalogue.
   */
  public static Set<Category> categories(String tag) {
    return rule(tag).categories;
  }

  /** CLDR: {@code e = 0 and i != 0 and i % 1000000 = 0 and v = 0}. */
  private static boolean millions(long a) {
    return a != 0 && a % 1_000_000 == 0;
  }

  private static Rule rule(String tag) {
    return switch (tag) {
      case "pt" -> Rule.ONE_IS_1_MANY_MILLIONS; // CLDR pt_PT
      case "pt-BR" -> Rule.ONE_IS_0_1_MANY_MILLIONS; // CLDR pt
      default -> switch (language(tag)) {
        case "ja", "ko", "zh", "th", "vi", "id", "ms" -> Rule.OTHER_ONLY;
        case "bg", "da", "de", "el", "en", "et", "fi", "hu", "nb", "nl", "sv", "tr" -> Rule.ONE_IS_1;
        case "it", "es" -> Rule.ONE_IS_1_MANY_MILLIONS;
        case "fr" -> Rule.ONE_IS_0_1_MANY_MILLIONS;
        case "fil" -> Rule.FILIPINO;
        case "cs", "sk" -> Rule.CZECH;
        case "hr" -> Rule.CROATIAN;
        case "ru" -> Rule.RUSSIAN;
        case "pl" -> Rule.POLISH;
        case "lt" -> Rule.LITHUANIAN;
        case "lv" -> Rule.LATVIAN;
        case "ro" -> Rule.ROMANIAN;
        case "sl" -> Rule.SLOVENIAN;
        case "mt" -> Rule.MALTESE;
        default -> throw new IllegalArgumentException("No plural rule for locale " + tag);
      };
    };
  }

  private static String language(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }
}
