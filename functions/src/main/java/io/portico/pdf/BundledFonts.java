package io.portico.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Tells PDFBox to draw every font it does not embed with the LiberationSans shipped in its own jar,
 * instead of looking for the font on the host.
 *
 * <p>Why: creating a standard 14 font makes PDFBox's default mapper scan the system's font
 * directories and write {@code ~/.pdfbox.cache} (read-only on Lambda), then log a warning
 * per font when, as on Lambda, no real Helvetica is installed. The outlines only matter to a
 * viewer of the PDF, never to writing it (widths come from Helvetica's metrics, also in the jar), and
 * the default ends up on the same LiberationSans anyway. Measured on a fresh JVM, the first font
 * took 340–860 ms with the default mapper and 270–440 ms with this one.
 *
 * <p>{@link FontMappers#set} is global to the JVM: any other PDFBox use in the same process gets
 * LiberationSans for non-embedded fonts too. Nothing else in Portico uses PDFBox.
 */
final class BundledFonts implements FontMapper {
  private static final String SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static boolean installed;

  private final TrueTypeFont sans;

  private BundledFonts(TrueTypeFont sans) {
    this.sans = sans;
  }

  /** Installs the mapper once per JVM; later calls do nothing. */
  static synchronized void install() {
    if (installed) return;
    try (InputStream in = PDFont.class.getResourceAsStream(SANS)) {
      if (in == null) throw new IllegalStateException("PDFBox's jar no longer contains " + SANS);
      FontMappers.set(new BundledFonts(new TTFParser().parse(new RandomAccessReadBuffer(in))));
      installed = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Not reported as a fallback: the substitution is deliberate, and a fallback is logged as a warning.
  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(sans, false);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(sans, false);
  }

  @Override
  public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
    return new CIDFontMapping(null, sans, true);
  }
}
