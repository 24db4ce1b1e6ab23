package io.portico.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianAndNearestRankP99() {
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) hundred[i] = 100 - i; // 1..100, unsorted
    Stats s = Stats.of(hundred);
    assertEquals(50.5, s.median());
    assertEquals(99, s.p99());
    assertEquals(100, s.n());

    Stats ten = Stats.of(new double[] {5, 1, 3, 2, 4, 9, 8, 7, 6, 10});
    assertEquals(5.5, ten.median());
    assertEquals(10, ten.p99(), "with fewer than 100 runs p99 is the slowest");
    assertEquals(2, Stats.of(new double[] {3, 1, 2}).median());
  }
}
