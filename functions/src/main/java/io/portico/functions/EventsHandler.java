package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.EventService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/events} and {@code /v1/events/{id}}. */
public class EventsHandler extends MerchantHandler {
  @Inject
  EventService events;

  public EventsHandler() {}

  public EventsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "GET /v1/events" -> events.list(r);
      case "GET /v1/events/{id}" -> events.retrieve(r, r.pathParameter("id"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
