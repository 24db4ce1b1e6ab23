package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.i18n.PluralRules.Category;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CLDR's cardinal rules at the numbers where languages differ: 0, 1, 2, 5, 11, 21, 22, 25, 101 and a few more. */
class PluralRulesTest {
  private static final long[] TRICKY = {0, 1, 2, 3, 4, 5, 11, 12, 14, 19, 21, 22, 25, 101, 102, 111, 1_000_000};

  /** The category of each TRICKY number, as CLDR lists them (o/z/1/2/f/m = other, zero, one, two, few, many). */
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    // tag            0-5    11 12 14 19 21 22   25 101 102 111   1e6
    EXPECTED.put("en", "o1oooo oooooo oooo o");
    EXPECTED.put("de", "o1oooo oooooo oooo o");
    EXPECTED.put("ja", "oooooo oooooo oooo o");
    EXPECTED.put("zh-TW", "oooooo oooooo oooo o");
    EXPECTED.put("fr", "11oooo oooooo oooo m");
    EXPECTED.put("fr-CA", "11oooo oooooo oooo m");
    EXPECTED.put("pt-BR", "11oooo oooooo oooo m");
    EXPECTED.put("pt", "o1oooo oooooo oooo m");
    EXPECTED.put("es", "o1oooo oooooo oooo m");
    EXPECTED.put("it", "o1oooo oooooo oooo m");
    EXPECTED.put("cs", "o1fffo oooooo oooo o");
    EXPECTED.put("sk", "o1fffo oooooo oooo o");
    EXPECTED.put("pl", "m1fffm mmmmmf mmfm m");
    EXPECTED.put("ru", "m1fffm mmmm1f m1fm m");
    EXPECTED.put("hr", "o1fffo oooo1f o1fo o");
    EXPECTED.put("lt", "o1ffff oooo1f f1fo o");
    EXPECTED.put("lv", "z1oooo zzzz1o o1oz z");
    EXPECTED.put("ro", "f1ffff ffffoo offf o");
    EXPECTED.put("sl", "o12ffo oooooo o12o o");
    EXPECTED.put("mt", "f12fff mmmmoo ooom o");
    EXPECTED.put("fil", "1111o1 11oo11 1111 1");
  }

  @Test
  void trickyNumbersFallInCldrsCategories() {
    EXPECTED.forEach((tag, row) -> {
      String codes = row.replace(" ", "");
      assertEquals(TRICKY.length, codes.length(), tag);
      for (int i = 0; i < TRICKY.length; i++) {
        assertEquals(category(codes.charAt(i)), PluralRules.select(tag, TRICKY[i]), tag + " " + TRICKY[i]);
      }
    });
  }

  @Test
  void spotChecksFromCldrsExamples() {
    assertEquals(Category.FEW, PluralRules.select("ru", 1022));
    assertEquals(Category.MANY, PluralRules.select("ru", 1011));
    assertEquals(Category.ONE, PluralRules.select("lv", 1001));
    assertEquals(Category.ZERO, PluralRules.select("lv", 1000));
    assertEquals(Category.OTHER, PluralRules.select("lt", 1010));
    assertEquals(Category.ONE, PluralRules.select("sl", 201));
    assertEquals(Category.FEW, PluralRules.select("sl", 204));
    assertEquals(Category.MANY, PluralRules.select("mt", 111));
    assertEquals(Category.FEW, PluralRules.select("mt", 110));
    assertEquals(Category.OTHER, PluralRules.select("fil", 1004));
    assertEquals(Category.OTHER, PluralRules.select("es", 1_000_001));
    assertEquals(Category.MANY, PluralRules.select("fr", 3_000_000));
  }

  @Test
  void negativeNumbersTakeTheirAbsoluteValuesCategory() {
    assertEquals(Category.ONE, PluralRules.select("en", -1));
    assertEquals(Category.FEW, PluralRules.select("ru", -22));
    assertEquals(Category.MANY, PluralRules.select("pl", Long.MIN_VALUE));
  }

  @Test
  void eachLanguageAsksForTheFormsItsNumbersReach() {
    assertEquals(EnumSet.of(Category.OTHER), PluralRules.categories("ja"));
    assertEquals(EnumSet.of(Category.ONE, Category.OTHER), PluralRules.categories("en-GB"));
    assertEquals(EnumSet.of(Category.ONE, Category.MANY, Category.OTHER), PluralRules.categories("fr"));
    assertEquals(EnumSet.of(Category.ONE, Category.FEW, Category.OTHER), PluralRules.categories("cs"));
    assertEquals(EnumSet.of(Category.ONE, Category.FEW, Category.MANY, Category.OTHER), PluralRules.categories("ru"));
    assertEquals(EnumSet.of(Category.ZERO, Category.ONE, Category.OTHER), PluralRules.categories("lv"));
    assertEquals(EnumSet.of(Category.ONE, Category.TWO, Category.FEW, Category.OTHER), PluralRules.categories("sl"));
    assertEquals(EnumSet.of(Category.ONE, Category.TWO, Category.FEW, Category.MANY, Category.OTHER), PluralRules.categories("mt"));
  }

  @Test
  void everyCategoryALanguageListsIsReachedAndNoOtherIs() {
    // Over 0..2,000,000 (with every million), the categories select() returns are exactly categories(),
    // except "other" where whole numbers never reach it (Polish and Russian: only fractions are "other").
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Set<Category> reached = EnumSet.noneOf(Category.class);
      for (long n = 0; n <= 2_000; n++) reached.add(PluralRules.select(tag, n));
      for (long n = 1; n <= 5; n++) reached.add(PluralRules.select(tag, n * 1_000_000));
      Set<Category> listed = EnumSet.copyOf(PluralRules.categories(tag));
      if (!reached.contains(Category.OTHER)) listed.remove(Category.OTHER);
      assertEquals(listed, reached, tag);
      assertTrue(PluralRules.categories(tag).contains(Category.OTHER), tag);
    }
  }

  @Test
  void aLocaleWithoutARuleIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PluralRules.select("ar", 3));
  }

  private static Category category(char c) {
    return switch (c) {
      case 'o' -> Category.OTHER;
      case 'z' -> Category.ZERO;
      case '1' -> Category.ONE;
      case '2' -> Category.TWO;
      case 'f' -> Category.FEW;
      case 'm' -> Category.MANY;
      default -> throw new IllegalArgumentException(String.valueOf(c));
    };
  }
}
