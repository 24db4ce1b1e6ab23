package io.portico.domain.portal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hosted page's colours, font and corner shape from a merchant's branding, as CSS custom
 * properties. The merchant picks a background and a button colour; the text on each is chosen (near
 * black or white, whichever contrasts more) so any choice stays readable, and derived colours (muted
 * text, borders, links) are checked against WCAG's 4.5:1 for text and fall back when they miss it.
 */
public final class BrandStyle {
  public static final String DEFAULT_BACKGROUND = "#ffffff";
  public static final String DEFAULT_BUTTON = "#0f62fe";
  static final String DARK = "#1a1a1a";
  static final String LIGHT = "#ffffff";
  private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
  private static final Pattern FONT_NAME = Pattern.compile("[A-Za-z0-9 \\-]{1,40}");
  private static final Map<String, String> GENERIC = Map.of(
      "system-ui", "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif",
      "sans-serif", "\"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif",
      "serif", "Georgia, \"Times New Roman\", \"Noto Serif\", serif",
      "monospace", "ui-monospace, \"SFMono-Regular\", Menlo, Consolas, monospace");
  private static final Map<String, String> RADIUS = Map.of("rounded", "8px", "pill", "999px", "sharp", "0", "square", "0");

  private final String css;

  private BrandStyle(String css) {
    this.css = css;
  }

  /** Any argument may be null or malformed: the default takes its place. */
  public static BrandStyle of(String backgroundColor, String buttonColor, String font, String cornerShape) {
    String bg = color(backgroundColor, DEFAULT_BACKGROUND);
    String button = color(buttonColor, DEFAULT_BUTTON);
    String fg = textOn(bg);
    String surface = mix(fg, bg, 0.04);
    String border = mix(fg, bg, 0.55);
    String muted = firstReadable(fg, bg, mix(fg, bg, 0.72), mix(fg, bg, 0.85));
    // A link or focus ring in the button colour where it reads on the page, else the text colour.
    String accent = contrast(button, bg) >= 4.5 ? button : contrast(button, surface) >= 3 ? firstReadable(fg, bg, mix(button, fg, 0.5)) : fg;
    String radius = RADIUS.getOrDefault(cornerShape == null ? "" : cornerShape.toLowerCase(Locale.ROOT), "8px");
    String fieldRadius = "999px".equals(radius) ? "20px" : radius;
    String css = ":root{--page-bg:" + bg + ";--page-fg:" + fg + ";--surface:" + surface + ";--border:" + border
        + ";--muted:" + muted + ";--accent:" + accent + ";--button-bg:" + button + ";--button-fg:" + textOn(button)
        + ";--radius:" + radius + ";--field-radius:" + fieldRadius + ";--font:" + fontStack(font) + "}";
    return new BrandStyle(css);
  }

  /** The custom properties, as one {@code :root} rule. */
  public String css() {
    return css;
  }

  /**
   * Near black or white, whichever contrasts more with {@code background} (a valid hex colour); pure
   * black when a mid-grey background leaves both under 4.5:1.
   */
  public static String textOn(String background) {
    String best = contrast(DARK, background) >= contrast(LIGHT, background) ? DARK : LIGHT;
    if (contrast(best, background) < 4.5 && contrast("#000000", background) > contrast(best, background)) return "#000000";
    return best;
  }

  /** WCAG 2 contrast ratio of two hex colours, 1 to 21. */
  public static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** A font the device has (no web font is fetched: the portal works offline and loads nothing third-party). */
  static String fontStack(String font) {
    if (font == null || font.isBlank()) return GENERIC.get("system-ui");
    String f = font.trim();
    String generic = GENERIC.get(f.toLowerCase(Locale.ROOT));
    if (generic != null) return generic;
    if (!FONT_NAME.matcher(f).matches()) return GENERIC.get("system-ui");
    return "\"" + f + "\", " + GENERIC.get("system-ui");
  }

  static String color(String value, String fallback) {
    if (value == null || !HEX.matcher(value.trim()).matches()) return fallback;
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.length() == 4) v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
    return v;
  }

  private static String firstReadable(String fallback, String background, String... candidates) {
    for (String c : candidates) if (contrast(c, background) >= 4.5) return c;
    return fallback;
  }

  /** {@code weight} of {@code a} and the rest of {@code b}, per channel. */
  static String mix(String a, String b, double weight) {
    int[] x = rgb(a);
    int[] y = rgb(b);
    StringBuilder out = new StringBuilder("#");
    for (int i = 0; i < 3; i++) out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(x[i] * weight + y[i] * (1 - weight))));
    return out.toString();
  }

  private static double luminance(String hex) {
    int[] c = rgb(hex);
    double[] l = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = c[i] / 255.0;
      l[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }

  private static int[] rgb(String hex) {
    String h = color(hex, "#000000");
    return new int[] {Integer.parseInt(h.substring(1, 3), 16), Integer.parseInt(h.substring(3, 5), 16), Integer.parseInt(h.substring(5, 7), 16)};
  }
}
