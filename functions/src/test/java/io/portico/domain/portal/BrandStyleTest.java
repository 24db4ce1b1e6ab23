package io.portico.domain.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BrandStyleTest {
  private static String property(BrandStyle s, String name) {
    Matcher m = Pattern.compile("--" + name + ":([^;}]+)").matcher(s.css());
    assertTrue(m.find(), name + " in " + s.css());
    return m.group(1);
  }

  @Test
  void textColourIsChosenFromTheBackgroundSoEveryChoiceStaysReadable() {
    assertEquals("#1a1a1a", property(BrandStyle.of("#ffffff", "#0f62fe", null, null), "page-fg"));
    assertEquals("#ffffff", property(BrandStyle.of("#101820", "#0f62fe", null, null), "page-fg"));
    assertEquals("#ffffff", property(BrandStyle.of(null, "#0f62fe", null, null), "button-fg"), "white on a strong blue");
    assertEquals("#1a1a1a", property(BrandStyle.of(null, "#ffd400", null, null), "button-fg"), "dark on yellow");
  }

  @Test
  void everyDerivedTextColourMeetsWcagAaOnItsBackground() {
    for (String bg : new String[] {"#ffffff", "#000000", "#777777", "#f5f0e6", "#1e3a8a", "#ff0000", "#00ff00"}) {
      for (String button : new String[] {"#0f62fe", "#ffd400", "#ffffff", "#000000", "#e11d48"}) {
        BrandStyle s = BrandStyle.of(bg, button, null, null);
        String page = property(s, "page-bg");
        assertTrue(BrandStyle.contrast(property(s, "page-fg"), page) >= 4.5, "text on " + bg);
        assertTrue(BrandStyle.contrast(property(s, "muted"), page) >= 4.5, "muted on " + bg);
        assertTrue(BrandStyle.contrast(property(s, "accent"), page) >= 4.5, "links on " + bg + " with button " + button);
        assertTrue(BrandStyle.contrast(property(s, "button-fg"), button) >= 4.5, "button label on " + button);
      }
    }
  }

  @Test
  void malformedValuesFallBackAndCannotInjectCss() {
    BrandStyle s = BrandStyle.of("red;}body{display:none", "#12", "Evil\"}body{x:y", "blob");
    assertEquals("#ffffff", property(s, "page-bg"));
    assertEquals("#0f62fe", property(s, "button-bg"));
    assertFalse(s.css().contains("Evil"));
    assertEquals("8px", property(s, "radius"));
    assertEquals("#aabbcc", property(BrandStyle.of("#ABC", null, null, null), "page-bg"), "short hex expanded");
  }

  @Test
  void fontAndCornerShape() {
    assertTrue(property(BrandStyle.of(null, null, "Inter", "pill"), "font").startsWith("\"Inter\", system-ui"));
    assertEquals("999px", property(BrandStyle.of(null, null, null, "pill"), "radius"));
    assertEquals("0", property(BrandStyle.of(null, null, null, "sharp"), "radius"));
    assertTrue(property(BrandStyle.of(null, null, "serif", null), "font").startsWith("Georgia"));
  }
}
