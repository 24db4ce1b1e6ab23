package io.portico.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portico.api.ApiResponse;
import io.portico.domain.PortalSession;
import io.portico.domain.Subscription;
import io.portico.domain.portal.Reason;
import io.portico.domain.portal.SubscriptionActions;
import io.portico.store.CustomerObjectsRepository.CustomerObjects;
import io.portico.store.SubscriptionRepository;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code GET /p/api/flow}: where the page starts. A session created with {@code flow_data} opens
 * in that flow (Stripe's deep links); this says which, on which subscription, and whether it can
 * still be done: a subscription cancelled since the link was made, another customer's, or a
 * feature turned off leaves nothing to do, and the page shows the sentence instead of a form
 * (and the home page behind it).
 */
@Singleton
public class PortalFlow {
  private final SubscriptionRepository subscriptions;
  private final PortalCancellation cancellation;
  private final PortalHome home;

  public PortalFlow(SubscriptionRepository subscriptions, PortalCancellation cancellation, PortalHome home) {
    this.subscriptions = subscriptions;
    this.cancellation = cancellation;
    this.home = home;
  }

  public ApiResponse flow(PortalRequest req) {
    req.params().rejectUnknown();
    PortalSession.Flow flow = req.session().flow();
    if (flow == null) return ApiResponse.ok(new FlowState(null, "home", null, true, null, null, null));
    String target = switch (flow.type()) {
      case "subscription_cancel" -> flow.subscriptionCancel().subscription();
      case "subscription_update" -> flow.subscriptionUpdate().subscription();
      case "subscription_update_confirm" -> flow.subscriptionUpdateConfirm().subscription();
      default -> null;
    };
    Reason why = null;
    PortalCancellation.RetentionView retention = null;
    if (target == null) {
      // payment_method_update: nothing to check but the switch (the session could not be made without it; a snapshot keeps it).
      if (!req.features().paymentMethodUpdate().enabled()) why = Reason.PAYMENT_METHOD_UPDATE_DISABLED;
    } else {
      Versioned<Subscription> found = subscriptions.find(req.context().scope(), target);
      if (found == null || found.deleted() || !req.customerId().equals(found.value().customerId())) {
        why = Reason.SUBSCRIPTION_NOT_FOUND;
      } else if (PortalCancellation.CANCEL_FLOW.equals(flow.type())) {
        Subscription s = found.value();
        long now = cancellation.now(req, s);
        SubscriptionActions a = SubscriptionActions.of(s, req.configuration(), Optional.empty(), s.schedule() != null, now);
        why = a.cancelRefusal().orElse(null);
        if (why == null) retention = cancellation.retention(req, s, now);
      } else {
        // An update depends on the payment method too (seed 001's limitations): judged as the home page judges it.
        CustomerObjects o = home.load(req);
        String defaultMethod = o.customer().invoiceSettings() == null ? null : o.customer().invoiceSettings().defaultPaymentMethod();
        PortalHome.ActionsView a = home.actions(req, found.value(), o.paymentMethods(), defaultMethod);
        why = a.update().allowed() ? null : a.update().reason();
      }
    }
    return ApiResponse.ok(new FlowState(flow.type(), flow.type(), target, why == null, why, retention, flow.afterCompletion()));
  }

  /**
   * @param type the session's flow type, null without a flow
   * @param start where the page opens: {@code home}, or the flow type
   * @param subscription the flow's subscription, for the subscription flows
   * @param actionable whether the flow can still be done; {@code reason} says why not
   * @param retention for a cancel flow with a coupon offer: the offer (see {@code cancel_options})
   * @param afterCompletion where the customer goes once the flow's action succeeds
   */
  public record FlowState(String type, String start, String subscription, boolean actionable, Reason reason,
      PortalCancellation.RetentionView retention, PortalSession.AfterCompletion afterCompletion) {
    @JsonProperty("object")
    public String object() { return "billing_portal.flow_state"; }
  }
}
