package io.portico.portal;

import io.portico.api.ApiRequest;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.error.ApiError;
import io.portico.service.RequestContext;
import io.portico.store.SessionRepository.PortalAccess;
import io.portico.wire.FormDecoder;
import io.portico.wire.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call to the customer portal API: its route ({@code "POST /p/api/subscriptions/{subscription}/cancel"}),
 * parameters, and the session it was authenticated for. Everything it touches belongs to
 * {@link #customerId()}; merchant services are called through {@link #merchantRequest}, with the
 * customer portal recorded as the actor on their events.
 *
 * @param csrfToken the token the hosted page sends back on changes; null for a bearer credential
 */
public record PortalRequest(String route, Map<String, String> pathParameters, Params params, PortalAccess access, RequestContext context,
    String csrfToken) {

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  public PortalSession session() {
    return access.session();
  }

  public String customerId() {
    return access.session().customer();
  }

  public PortalConfiguration configuration() {
    return access.configuration();
  }

  public PortalConfiguration.Features features() {
    return access.configuration().features();
  }

  /**
   * Where the customer goes once {@code action} (a flow type: {@code subscription_cancel},
   * {@code subscription_update}, {@code subscription_update_confirm}, {@code payment_method_update})
   * succeeded: the session flow's {@code after_completion} when this is the flow the session was
   * created for (and, for subscription flows, on its subscription); null otherwise (stay in the portal).
   * Mutation responses carry it as {@code after_completion}.
   */
  public PortalSession.AfterCompletion completes(String action, String subscriptionId) {
    PortalSession.Flow flow = session().flow();
    if (flow == null || !flow.type().equals(action)) return null;
    String target = switch (action) {
      case "subscription_cancel" -> flow.subscriptionCancel().subscription();
      case "subscription_update" -> flow.subscriptionUpdate().subscription();
      case "subscription_update_confirm" -> flow.subscriptionUpdateConfirm().subscription();
      default -> null;
    };
    return target == null || target.equals(subscriptionId) ? flow.afterCompletion() : null;
  }

  /** Refuses the call when the merchant turned {@code feature} off for this portal. */
  public void require(boolean enabled, String feature) {
    if (!enabled) {
      throw new ApiError(403, ApiError.INVALID_REQUEST, "feature_disabled", null,
          "This portal does not offer that: features[" + feature + "] is disabled in configuration " + configuration().id() + ".");
    }
  }

  /** A merchant API request made on the customer's behalf (same services, same events, the portal as actor). */
  public ApiRequest merchantRequest(String route, Params params) {
    return new ApiRequest(route, null, Map.of(), params, context);
  }

  /** Parameters for a merchant service, built from form fields in order ({@code "items[0][price]", "price_123", …}); nulls are left out. */
  public static Params form(Object... namesAndValues) {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value != null) pairs.put((String) namesAndValues[i], List.of(String.valueOf(value)));
    }
    return Params.of(FormDecoder.fromPairs(pairs));
  }
}
