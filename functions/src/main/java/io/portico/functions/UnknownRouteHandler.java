package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;

/** Lambda behind the greedy route: every request that matched no declared route gets Stripe's 404. */
public class UnknownRouteHandler extends MerchantHandler {
  public UnknownRouteHandler() {}

  public UnknownRouteHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    throw ApiError.unrecognizedUrl(r.method(), r.path());
  }
}
