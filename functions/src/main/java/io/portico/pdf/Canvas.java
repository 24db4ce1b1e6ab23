package io.portico.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 pages written top to bottom: a cursor {@link #y} that moves down, and a new page (with
 * {@link #onNewPage} drawn at its top) whenever the next block would not fit. Coordinates are PDF
 * points (1/72 inch) from the bottom-left corner. Every string drawn or measured goes through
 * {@link PdfText#encodable} first, so nothing here can fail on an unprintable character.
 */
final class Canvas implements AutoCloseable {
  static final float WIDTH = PDRectangle.A4.getWidth();
  static final float HEIGHT = PDRectangle.A4.getHeight();
  /** About 18 mm: room for printers' unprintable edges. */
  static final float MARGIN = 50;
  static final float LEFT = MARGIN;
  static final float RIGHT = WIDTH - MARGIN;
  static final float TOP = HEIGHT - MARGIN;
  /** Content stops here; below is the page number line. */
  static final float BOTTOM = MARGIN + 24;

  static {
    BundledFonts.install();
  }

  static final Color INK = new Color(0x1f, 0x23, 0x28);
  static final Color MUTED = new Color(0x65, 0x6d, 0x76);
  static final Color RULE = new Color(0xd0, 0xd7, 0xde);

  final PDDocument document = new PDDocument();
  final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  /** Drawn at the top of every page after the first (a continuation line, the table header). */
  Runnable onNewPage = () -> {};
  float y;
  private PDPageContentStream out;

  Canvas() {
    addPage();
  }

  /** Starts a new page when {@code height} more points would run into the bottom margin. */
  void ensureRoom(float height) {
    if (y - height < BOTTOM) {
      addPage();
      onNewPage.run();
    }
  }

  private void addPage() {
    try {
      if (out != null) out.close();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      out = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = TOP;
  }

  float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(PdfText.encodable(text, font)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Draws {@code text} with its baseline at {@code baseline}, starting at {@code x}. */
  void text(String text, float x, float baseline, PDFont font, float size, Color color) {
    String printable = PdfText.encodable(text, font);
    if (printable.isEmpty()) return;
    try {
      out.beginText();
      out.setFont(font, size);
      out.setNonStrokingColor(color);
      out.newLineAtOffset(x, baseline);
      out.showText(printable);
      out.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Draws {@code text} ending at {@code right}. Amounts must never run into the next column, so a
   * text wider than {@code maxWidth} is set smaller until it fits.
   */
  void textRight(String text, float right, float baseline, PDFont font, float size, Color color, float maxWidth) {
    float width = width(text, font, size);
    if (width > maxWidth) {
      size = size * maxWidth / width;
      width = maxWidth;
    }
    text(text, right - width, baseline, font, size, color);
  }

  /** A horizontal line. */
  void rule(float x1, float x2, float atY, Color color, float thickness) {
    try {
      out.setStrokingColor(color);
      out.setLineWidth(thickness);
      out.moveTo(x1, atY);
      out.lineTo(x2, atY);
      out.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An unfilled rectangle, {@code (x, bottom)} its lower-left corner. */
  void box(float x, float bottom, float w, float h, Color color, float thickness) {
    try {
      out.setStrokingColor(color);
      out.setLineWidth(thickness);
      out.addRect(x, bottom, w, h);
      out.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code text} (already made printable) broken into lines no wider than {@code maxWidth}: at
   * spaces, and inside a word only when the word alone is too wide (a long URL or reference).
   */
  List<String> wrap(String text, PDFont font, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : PdfText.encodable(text, font).trim().split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (!line.isEmpty()) lines.add(line);
      line = word;
      while (width(line, font, size) > maxWidth && line.length() > 1) {
        int fit = 1;
        while (fit < line.length() && width(line.substring(0, fit + 1), font, size) <= maxWidth) fit++;
        lines.add(line.substring(0, fit));
        line = line.substring(fit);
      }
    }
    if (!line.isEmpty()) lines.add(line);
    return lines;
  }

  /**
   * Finishes the document: {@code footer} gets each page's number and the page count (known only
   * now) and draws that page's bottom line. Returns the PDF's bytes.
   */
  byte[] finish(PageFooter footer) {
    try {
      out.close();
      int count = document.getNumberOfPages();
      for (int i = 0; i < count; i++) {
        try (PDPageContentStream page = new PDPageContentStream(document, document.getPage(i),
            PDPageContentStream.AppendMode.APPEND, true)) {
          out = page;
          footer.draw(i + 1, count);
        }
      }
      out = null;
      var bytes = new java.io.ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  interface PageFooter {
    void draw(int page, int pages);
  }

  @Override
  public void close() {
    try {
      if (out != null) out.close();
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
