package io.portico.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.EventTypes;
import io.portico.domain.Ids;
import io.portico.domain.WebhookDelivery;
import io.portico.domain.WebhookEndpoint;
import io.portico.domain.WebhookSignature;
import io.portico.error.ApiError;
import io.portico.store.ListPage;
import io.portico.store.Versioned;
import io.portico.store.WebhookDeliveryRepository;
import io.portico.store.WebhookEndpointRepository;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /v1/webhook_endpoints}: Stripe's endpoint object (the signing secret shown once, at
 * creation), and two extensions: {@code POST …/{id}/resend} delivers one event again, and
 * {@code GET …/{id}/deliveries} shows every delivery to the endpoint with its attempts.
 */
@Singleton
public class WebhookEndpointService {
  /** Stripe's limit per account and mode. */
  static final int MAX_ENDPOINTS = 16;
  private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z_]+)?");
  private static final List<String> DELIVERY_STATUSES = List.of(WebhookDelivery.PENDING, WebhookDelivery.SUCCEEDED, WebhookDelivery.FAILED);

  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookDispatcher dispatcher;
  private final EventService events;

  public WebhookEndpointService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher,
      EventService events) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.dispatcher = dispatcher;
    this.events = events;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    Expansion.none(req);
    String url = url(p, ctx.scope().livemode(), true);
    List<String> enabled = enabledEvents(p, true);
    String apiVersion = apiVersion(p);
    String description = emptyToNull(p.string("description", 5000));
    Boolean connect = p.bool("connect");
    Map<String, String> metadata = Checks.metadata(p, Map.of());
    p.rejectUnknown();
    if (Boolean.TRUE.equals(connect)) {
      throw ApiError.invalid("parameter_invalid", "connect", "Connect endpoints are not supported: Portico has no connected accounts to send events from.");
    }
    if (endpoints.all(ctx.scope()).size() >= MAX_ENDPOINTS) {
      throw ApiError.invalid("webhook_endpoints_limit", "url", "You have reached the maximum of " + MAX_ENDPOINTS
          + " webhook endpoints in " + (ctx.scope().livemode() ? "live" : "test") + " mode. Delete one before adding another.");
    }
    WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("we"), apiVersion, null, ctx.now().getEpochSecond(), description, enabled,
        ctx.scope().livemode(), metadata, WebhookSignature.newSecret(), WebhookEndpoint.ENABLED, url);
    endpoints.insert(ctx.scope(), endpoint, ctx.now().toEpochMilli());
    return ApiResponse.ok(endpoint);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    return ApiResponse.ok(find(req, id).value().withoutSecret());
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    return Checks.retryingConflicts(() -> {
      Versioned<WebhookEndpoint> current = find(req, id);
      WebhookEndpoint e = current.value();
      Params p = req.params();
      String url = p.has("url") ? url(p, ctx.scope().livemode(), true) : e.url();
      List<String> enabled = p.has("enabled_events") ? enabledEvents(p, true) : e.enabledEvents();
      String description = p.has("description") ? emptyToNull(p.string("description", 5000)) : e.description();
      Boolean disabled = p.bool("disabled");
      Map<String, String> metadata = Checks.metadata(p, e.metadata());
      p.rejectUnknown();
      String status = disabled == null ? e.status() : disabled ? WebhookEndpoint.DISABLED : WebhookEndpoint.ENABLED;
      WebhookEndpoint updated = new WebhookEndpoint(e.id(), e.apiVersion(), e.application(), e.created(), description, enabled, e.livemode(),
          metadata, e.secret(), status, url);
      if (!updated.equals(e)) endpoints.replace(ctx.scope(), current, updated);
      return ApiResponse.ok(updated.withoutSecret());
    });
  }

  public ApiResponse delete(ApiRequest req, String id) {
    req.params().rejectUnknown();
    return Checks.retryingConflicts(() -> {
      endpoints.delete(req.context().scope(), find(req, id));
      return ApiResponse.ok(new DeletedObject(id, WebhookEndpoint.OBJECT, true));
    });
  }

  public ApiResponse list(ApiRequest req) {
    Expansion.none(req);
    var page = req.listRequest();
    req.params().rejectUnknown();
    ListPage<WebhookEndpoint> result = endpoints.list(req.context().scope(), page);
    return ApiResponse.ok(new ListObject(result.data().stream().map(WebhookEndpoint::withoutSecret).toList(), result.hasMore(),
        "/v1/webhook_endpoints"));
  }

  /** Extension: {@code POST /v1/webhook_endpoints/{id}/resend} with {@code event=evt_…} posts that event to the endpoint now. */
  public ApiResponse resend(ApiRequest req, String id) {
    Expansion.none(req);
    Params p = req.params();
    String eventId = p.requiredString("event", 5000);
    p.rejectUnknown();
    WebhookEndpoint endpoint = find(req, id).value();
    if (!WebhookEndpoint.ENABLED.equals(endpoint.status())) {
      throw ApiError.invalid("webhook_endpoint_disabled", null, "Webhook endpoint " + id + " is disabled: enable it (disabled=false) to resend events to it.");
    }
    JsonNode event;
    try {
      event = events.find(req, eventId, "event");
    } catch (ApiError missing) {
      throw missing.asBadRequest(); // named in the body, not the URL
    }
    return ApiResponse.ok(dispatcher.resend(req.context().scope(), endpoint, event));
  }

  /** Extension: {@code GET /v1/webhook_endpoints/{id}/deliveries}, newest first, optionally by {@code status}. */
  public ApiResponse deliveries(ApiRequest req, String id) {
    Expansion.none(req);
    Params p = req.params();
    String status = p.oneOf("status", DELIVERY_STATUSES);
    var page = req.listRequest();
    p.rejectUnknown();
    find(req, id);
    ListPage<WebhookDelivery> result = deliveries.listForEndpoint(req.context().scope(), id, status, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/webhook_endpoints/" + id + "/deliveries"));
  }

  private Versioned<WebhookEndpoint> find(ApiRequest req, String id) {
    Versioned<WebhookEndpoint> found = endpoints.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch("webhook_endpoint", id, "id");
    return found;
  }

  /** An absolute http(s) URL; live mode wants https, as Stripe does (test mode may post to http://localhost). */
  private static String url(Params p, boolean livemode, boolean required) {
    String url = required ? p.requiredString("url", 5000) : p.nonEmptyString("url", 5000);
    Checks.url("url", url);
    if (livemode && !"https".equalsIgnoreCase(URI.create(url).getScheme())) {
      throw ApiError.invalid("url_invalid", "url", "Invalid URL: live mode webhook endpoints must use https (got '" + url + "').");
    }
    return url;
  }

  private static List<String> enabledEvents(Params p, boolean required) {
    if (required && !p.has("enabled_events")) throw ApiError.missing("enabled_events");
    List<String> values = p.stringList("enabled_events", 5000);
    if (values == null || values.isEmpty()) throw ApiError.invalidEmpty("enabled_events");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (!v.equals("*") && !EventTypes.known(v)) {
        throw ApiError.invalid("parameter_invalid", "enabled_events[" + i + "]", "Invalid enabled_events[" + i + "]: '" + v
            + "' is not an event type. Use a type such as customer.subscription.updated, or '*' for every event.");
      }
      if (!out.contains(v)) out.add(v);
    }
    return out;
  }

  private static String apiVersion(Params p) {
    String v = p.nonEmptyString("api_version", 5000);
    if (v != null && !API_VERSION.matcher(v).matches()) {
      throw ApiError.invalid("parameter_invalid", "api_version", "Invalid api_version: " + v + ". Versions look like 2026-07-29.dahlia.");
    }
    return v;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
