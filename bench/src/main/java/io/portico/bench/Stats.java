package io.portico.bench;

import java.util.Arrays;
import java.util.List;

/** Median and p99 (nearest rank) of a sample. */
public record Stats(double median, double p99, int n) {
  public static Stats of(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    return of(v);
  }

  public static Stats of(double[] values) {
    if (values.length == 0) return new Stats(Double.NaN, Double.NaN, 0);
    double[] v = values.clone();
    Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return new Stats(median, v[rank(0.99, v.length) - 1], v.length);
  }

  /** Nearest-rank: the smallest rank with at least p of the sample at or below it (1-based). */
  static int rank(double p, int n) {
    return Math.max(1, (int) Math.ceil(p * n));
  }
}
