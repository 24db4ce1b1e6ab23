package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.error.ApiError;
import java.util.List;

/** Stripe's {@code expand[]}: which fields of an answer may be replaced by the objects they name. */
final class Expansion {
  private Expansion() {}

  /** Refuses every expansion: the object has no expandable fields (yet). */
  static void none(ApiRequest req) {
    only(req, "", List.of());
  }

  /**
   * Checks every requested path is one of {@code allowed} under {@code prefix} ({@code "data."} on
   * lists) and returns the allowed names requested, without the prefix.
   */
  static List<String> only(ApiRequest req, String prefix, List<String> allowed) {
    List<String> requested = req.expand();
    for (String e : requested) {
      if (!e.startsWith(prefix) || !allowed.contains(e.substring(prefix.length()))) {
        throw ApiError.invalid("expand_invalid", "expand", "This property cannot be expanded (" + e + ").");
      }
    }
    return requested.stream().map(e -> e.substring(prefix.length())).toList();
  }
}
