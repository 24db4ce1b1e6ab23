package io.portico.domain.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding step of the package: exact value in, whole minor units out, half-up. */
final class Rounding {
  private Rounding() {}

  /** round_half_up(numerator / denominator), from the exact quotient (BigDecimal divides exactly before rounding). */
  static long halfUp(BigDecimal numerator, long denominator) {
    return numerator.divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).longValueExact();
  }

  static long halfUp(BigDecimal exact) {
    return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
