package io.portico.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.EventTypes;
import io.portico.error.ApiError;
import io.portico.store.EventRepository;
import io.portico.store.ListPage;
import io.portico.store.TimeRange;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code /v1/events}: the events every change wrote (kept 30 days), as Stripe lists and retrieves them. */
@Singleton
public class EventService {
  /** Stripe's limit on {@code types[]}. */
  static final int MAX_TYPES = 20;
  private final EventRepository events;

  public EventService(EventRepository events) {
    this.events = events;
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    return ApiResponse.ok(find(req, id, "id"));
  }

  /** The event {@code id} of the caller's account and mode, or Stripe's 404. */
  public JsonNode find(ApiRequest req, String id, String param) {
    JsonNode event = events.find(req.context().scope(), id, req.context().now());
    if (event == null) throw ApiError.noSuch("event", id, param);
    return event;
  }

  /**
   * Newest first. {@code type} (one type, or a group with a trailing {@code *} such as
   * {@code customer.subscription.*}) or {@code types[]} (up to 20), and {@code created}.
   */
  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.none(req);
    String type = p.nonEmptyString("type", 5000);
    List<String> typeList = p.stringList("types", 5000);
    TimeRange created = req.created();
    var page = req.listRequest();
    p.rejectUnknown();
    if (type != null && typeList != null) {
      throw ApiError.invalid("parameters_exclusive", "types", "You may pass either type or types, but not both.");
    }
    List<String> types = null;
    if (type != null && !type.equals("*")) {
      types = EventTypes.matching(type);
      if (types.isEmpty()) {
        throw ApiError.invalid("parameter_invalid", "type", "Invalid type: no event type starts with '" + type.substring(0, type.length() - 1)
            + "'. Pass an event type such as customer.created, or a group such as customer.*.");
      }
    } else if (typeList != null) {
      if (typeList.isEmpty()) throw ApiError.invalidEmpty("types");
      if (typeList.size() > MAX_TYPES) {
        throw ApiError.invalid("parameter_invalid", "types", "Invalid types: pass at most " + MAX_TYPES + " event types (got " + typeList.size() + ").");
      }
      for (int i = 0; i < typeList.size(); i++) {
        if (typeList.get(i).isEmpty() || typeList.get(i).contains("*")) {
          throw ApiError.invalid("parameter_invalid", "types[" + i + "]", "Invalid types[" + i + "]: name one event type (no wildcards in types[]).");
        }
      }
      types = new ArrayList<>(new LinkedHashSet<>(typeList));
    }
    ListPage<JsonNode> result = events.list(req.context().scope(), types, created, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/events"));
  }
}
