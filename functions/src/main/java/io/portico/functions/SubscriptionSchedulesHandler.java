package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.SubscriptionScheduleService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/subscription_schedules} and {@code /v1/subscription_schedules/{schedule}} with its release and cancel. */
public class SubscriptionSchedulesHandler extends MerchantHandler {
  @Inject
  SubscriptionScheduleService schedules;

  public SubscriptionSchedulesHandler() {}

  public SubscriptionSchedulesHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/subscription_schedules" -> schedules.create(r);
      case "GET /v1/subscription_schedules" -> schedules.list(r);
      case "GET /v1/subscription_schedules/{schedule}" -> schedules.retrieve(r, r.pathParameter("schedule"));
      case "POST /v1/subscription_schedules/{schedule}" -> schedules.update(r, r.pathParameter("schedule"));
      case "POST /v1/subscription_schedules/{schedule}/release" -> schedules.release(r, r.pathParameter("schedule"));
      case "POST /v1/subscription_schedules/{schedule}/cancel" -> schedules.cancel(r, r.pathParameter("schedule"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
