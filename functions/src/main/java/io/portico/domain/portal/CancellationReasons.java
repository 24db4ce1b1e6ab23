package io.portico.domain.portal;

import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfiguration.CancellationReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the reason a customer gives after cancelling against the configuration's
 * {@code cancellation_reason.options}. The survey is optional (it follows the cancellation, and
 * Stripe's {@code cancellation_details.feedback} stays null when skipped); only {@code other} may
 * carry the customer's own words.
 */
public final class CancellationReasons {
  public static final String OTHER = "other";
  public static final int MAX_COMMENT = 500;

  /**
   * What the customer reads for each of Stripe's feedback codes (seed 002, "Kündigungsgrund
   * erfassen", in English); the UI localizes by code.
   */
  public static final Map<String, String> LABELS = labels();

  private CancellationReasons() {}

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("too_expensive", "It's too expensive.");
    m.put("missing_features", "I need more features.");
    m.put("switched_service", "I found an alternative.");
    m.put("unused", "I no longer need it.");
    m.put("customer_service", "Customer service was worse than expected.");
    m.put("too_complex", "Ease of use was worse than expected.");
    m.put("low_quality", "Quality was worse than expected.");
    m.put(OTHER, "Other reason");
    return Collections.unmodifiableMap(m);
  }

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
