package io.portico.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextTest {
  private static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  private static String encodable(String text) {
    return PdfText.encodable(text, HELVETICA);
  }

  @Test
  void winAnsiCharactersAreKeptAsTheyAre() {
    assertEquals("Zoë Ünlü", encodable("Zoë Ünlü"));
    assertEquals("Crème brûlée – “quoted” €12 · ß Æ Œ š", encodable("Crème brûlée – “quoted” €12 · ß Æ Œ š"));
  }

  @Test
  void otherCharactersBecomeTheirPlainFormOrAQuestionMark() {
    assertEquals("???????", encodable("株式会社テスト"));
    assertEquals("?ódz", encodable("Łódź")); // Ł has no plain form; ź is a z with an accent WinAnsi lacks
    assertEquals("Ohm ABC", encodable("Ohm ＡＢＣ")); // full-width letters
    // A skin tone is a character of its own; 👩‍💻 is two emoji and a zero-width joiner, which is dropped.
    assertEquals("Team ?? ??", encodable("Team 👍🏽 👩‍💻"));
  }

  @Test
  void decomposedAccentsLineBreaksAndNullAreHandled() {
    assertEquals("café", encodable("cafe\u0301"));
    assertEquals("two  lines", encodable("two\r\nlines"));
    assertEquals("", encodable(null));
  }
}
