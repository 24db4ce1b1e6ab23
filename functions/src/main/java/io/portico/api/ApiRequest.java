package io.portico.api;

import io.portico.error.ApiError;
import io.portico.service.RequestContext;
import io.portico.store.ListRequest;
import io.portico.store.TimeRange;
import io.portico.wire.Params;
import java.util.List;
import java.util.Map;

/**
 * A decoded merchant API request: its route ({@code "POST /v1/customers/{customer}"} as declared in
 * template.yaml), path parameters, body or query parameters, and who sent it. {@code idempotency}:
 * set when the route records its Idempotency-Key in its own transaction (see {@link IdempotentAnswer}).
 */
public record ApiRequest(String route, String path, Map<String, String> pathParameters, Params params, RequestContext context,
    IdempotentAnswer idempotency) {

  public ApiRequest(String route, String path, Map<String, String> pathParameters, Params params, RequestContext context) {
    this(route, path, pathParameters, params, context, null);
  }

  public String method() {
    return route.substring(0, route.indexOf(' '));
  }

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  /** Stripe's {@code expand[]}; each entry is checked by the service that knows what can expand. */
  public List<String> expand() {
    List<String> e = params.stringList("expand", 5000);
    return e == null ? List.of() : e;
  }

  /** Reads {@code limit}, {@code starting_after} and {@code ending_before}. */
  public ListRequest listRequest() {
    Long limit = params.integer("limit", 1, 100);
    String after = params.nonEmptyString("starting_after", 5000);
    String before = params.nonEmptyString("ending_before", 5000);
    if (after != null && before != null) {
      throw ApiError.invalid("parameters_exclusive", "ending_before",
          "You may only specify one of these parameters: ending_before, starting_after.");
    }
    return new ListRequest(limit == null ? 10 : limit.intValue(), after, before);
  }

  /** Stripe's {@code created} list filter: one timestamp ({@code created=…}) or bounds ({@code created[gte]=…}); null when absent. */
  public TimeRange created() {
    if (!params.has("created")) return null;
    if (!params.isHash("created")) {
      Long exact = params.integer("created");
      return new TimeRange(null, exact, null, exact);
    }
    Params range = params.object("created");
    return new TimeRange(range.integer("gt"), range.integer("gte"), range.integer("lt"), range.integer("lte"));
  }
}
