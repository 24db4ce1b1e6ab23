package io.portico.domain.portal;

import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfiguration.CancellationReason;

/**
 * Checks the reason a customer gives after cancelling against the configuration's
 * {@code cancellation_reason.options}. The survey is optional (it follows the cancellation, and
 * Stripe's {@code cancellation_details.feedback} stays null when skipped); only {@code other} may
 * carry the customer's own words.
 */
public final class CancellationReasons {
  public static final String OTHER = "other";
  public static final int MAX_COMMENT = 500;

  private CancellationReasons() {}

  /**
   * @param reason one of Stripe's feedback codes ({@code too_expensive}...), or null when skipped
   * @param comment free text, or null; blank counts as none
   */
  public static Verdict check(PortalConfiguration c, String reason, String comment) {
    boolean hasComment = comment != null && !comment.isBlank();
    if (reason == null) return hasComment ? Verdict.refused(Reason.COMMENT_NEEDS_OTHER) : Verdict.ALLOWED;
    CancellationReason asked = c.features().subscriptionCancel().cancellationReason();
    if (asked == null || !asked.enabled() || asked.options() == null || !asked.options().contains(reason)) {
      return Verdict.refused(Reason.CANCELLATION_REASON_NOT_OFFERED);
    }
    if (hasComment && !OTHER.equals(reason)) return Verdict.refused(Reason.COMMENT_NEEDS_OTHER);
    // Counted in code points, so an emoji or a CJK character counts as the one character the customer typed.
    if (hasComment && comment.codePointCount(0, comment.length()) > MAX_COMMENT) return Verdict.refused(Reason.commentTooLong(MAX_COMMENT));
    return Verdict.ALLOWED;
  }
}
