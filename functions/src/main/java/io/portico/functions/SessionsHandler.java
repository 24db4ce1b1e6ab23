package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.SessionService;
import jakarta.inject.Inject;

/** Lambda: {@code POST /v1/billing_portal/sessions}. */
public class SessionsHandler extends MerchantHandler {
  @Inject
  SessionService sessions;

  public SessionsHandler() {}

  public SessionsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    if (r.route().equals("POST /v1/billing_portal/sessions")) return sessions.create(r);
    throw ApiError.unrecognizedUrl(r.method(), r.path());
  }
}
