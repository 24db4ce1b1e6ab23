package io.portico.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table the bench prints: each figure beside its same-run baseline, the ratio and the target. */
public final class Report {
  public record Row(String what, String median, String p99, String baselineMedian, String baselineP99, String ratio, String roundTrips,
      String target, String verdict) {}

  private static final String[] HEADER = {"measure", "median", "p99", "baseline median", "baseline p99", "ratio", "DynamoDB RT", "target", ""};
  private final List<Object> lines = new ArrayList<>();

  public void section(String title) {
    lines.add(title);
  }

  public void add(Row row) {
    lines.add(row);
  }

  public String render() {
    int[] width = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) width[i] = HEADER[i].length();
    for (Object o : lines) {
      if (o instanceof Row r) {
        String[] c = cells(r);
        for (int i = 0; i < c.length; i++) width[i] = Math.max(width[i], c[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, HEADER, width);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    out.append(rule).append('\n');
    for (Object o : lines) {
      if (o instanceof Row r) {
        line(out, cells(r), width);
      } else {
        out.append(o).append('\n');
      }
    }
    return out.toString();
  }

  private static String[] cells(Row r) {
    return new String[] {"  " + r.what(), r.median(), r.p99(), r.baselineMedian(), r.baselineP99(), r.ratio(), r.roundTrips(), r.target(),
        r.verdict()};
  }

  private static void line(StringBuilder out, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) out.append(" | ");
      String c = cells[i] == null ? "" : cells[i];
      // text left, figures right
      boolean left = i == 0 || i == cells.length - 1 || i == 7;
      out.append(left ? pad(c, width[i], true) : pad(c, width[i], false));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') end--;
    out.setLength(end);
    out.append('\n');
  }

  private static String pad(String s, int w, boolean left) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return left ? s + fill : fill + s;
  }

  public static String ms(double v) {
    return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.2f ms", v);
  }

  public static String ratio(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f×", v);
  }

  public static String num(double v, String unit) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, unit);
  }

  public static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  public static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
