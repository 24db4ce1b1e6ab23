package io.portico.pdf;

import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes any string printable with a standard 14 font. Those fonts only know WinAnsi (Latin-1 plus a
 * few typographic marks), and PDFBox throws on any other character; a customer named "株式会社テスト"
 * or a description with an emoji must not stop the invoice from rendering.
 */
final class PdfText {
  /** What an unprintable character becomes: visible, so the reader knows something was there. */
  static final char FALLBACK = '?';

  private PdfText() {}

  /**
   * {@code text} with every character {@code font} cannot encode replaced: first by its accent-less
   * or compatibility form when that is encodable ("ő" becomes "o", a full-width "Ａ" becomes "A"),
   * else by {@link #FALLBACK}. Line breaks and tabs become spaces (layout decides where lines
   * break); invisible format characters (zero-width joiners, variation selectors) are dropped.
   * Characters the font has, such as "Ü", "ë", "€" or "–", are kept as they are.
   */
  static String encodable(String text, PDFont font) {
    if (text == null) return "";
    // NFC first, so that "e" + combining acute (as some systems store it) prints as the one "é" WinAnsi has.
    String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(composed.length());
    composed.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
        out.append(' ');
      } else if (isInvisible(cp)) {
        // dropped: it has no glyph of its own
      } else {
        String c = Character.toString(cp);
        if (canEncode(c, font)) {
          out.append(c);
        } else {
          String folded = Normalizer.normalize(c, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
          out.append(!folded.isEmpty() && canEncode(folded, font) ? folded : String.valueOf(FALLBACK));
        }
      }
    });
    return out.toString();
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static boolean canEncode(String s, PDFont font) {
    try {
      font.encode(s);
      return true;
    } catch (IllegalArgumentException | java.io.IOException e) {
      // PDFBox's way of saying "no glyph for this character in this font's encoding".
      return false;
    }
  }
}
