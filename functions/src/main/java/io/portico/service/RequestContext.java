package io.portico.service;

import io.portico.domain.Account;
import io.portico.domain.Event;
import io.portico.domain.Ids;
import io.portico.domain.Scope;
import io.portico.wire.Json;
import java.time.Instant;

/**
 * Who is asking and when: the merchant account and mode, the request's id and idempotency key
 * (both recorded on the events it causes), the API version for those events, the public base URL
 * for links, the instant the request is served at, and who acts (recorded on the events).
 */
public record RequestContext(Account account, Scope scope, String requestId, String idempotencyKey, String apiVersion,
    String baseUrl, Instant now, Event.Actor actor) {

  /** The same request seen at another instant (a test clock's time, or the moment a renewal falls due). */
  public RequestContext at(Instant instant) {
    return new RequestContext(account, scope, requestId, idempotencyKey, apiVersion, baseUrl, instant, actor);
  }

  public Event event(String type, Object after, Object before) {
    var object = Json.tree(after);
    return new Event(Ids.newId("evt"), apiVersion, now.getEpochSecond(),
        new Event.Data(object, before == null ? null : Json.previousAttributes(Json.tree(before), object)),
        scope.livemode(), 0, new Event.Request(requestId, idempotencyKey), type, actor);
  }
}
