package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.SessionService;
import jakarta.inject.Inject;
import java.util.Set;

/** Lambda: {@code POST /v1/billing_portal/sessions}. */
public class SessionsHandler extends MerchantHandler {
  @Inject
  SessionService sessions;

  public SessionsHandler() {}

  public SessionsHandler(ApplicationContext context) {
    super(context);
  }

  /** Session creation is one transaction, which records the Idempotency-Key too. */
  @Override
  protected Set<String> routesWritingOnce() {
    return Set.of("POST /v1/billing_portal/sessions");
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    if (r.route().equals("POST /v1/billing_portal/sessions")) return sessions.create(r);
    throw ApiError.unrecognizedUrl(r.method(), r.path());
  }
}
