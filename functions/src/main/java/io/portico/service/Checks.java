package io.portico.service;

import io.portico.domain.Metadata;
import io.portico.error.ApiError;
import io.portico.store.ConcurrentUpdateException;
import io.portico.wire.Params;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Small validations and the retry that makes read-modify-write updates safe under concurrency. */
public final class Checks {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private Checks() {}

  /** An absolute http(s) URL, or null when absent. */
  public static String url(String param, String value) {
    if (value == null) return null;
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) return value;
    } catch (URISyntaxException ignored) {
      // reported below
    }
    throw ApiError.invalid("url_invalid", param, "Not a valid URL: " + param + " must be an absolute http or https URL (got '" + value + "').");
  }

  /**
   * A web origin ({@code https://app.example.com}, port optional), as browsers send it in
   * {@code Origin}: https, or http for localhost only (a merchant's development front-end).
   */
  public static String origin(String param, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      String host = uri.getHost();
      boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
      boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
      if (host != null && bare && ("https".equals(scheme) || "http".equals(scheme) && local)) {
        return scheme + "://" + host.toLowerCase(java.util.Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      }
    } catch (URISyntaxException ignored) {
      // reported below
    }
    throw ApiError.invalid("parameter_invalid", param, "Invalid " + param + ": an origin is scheme://host[:port] with no path, https"
        + " (or http for localhost), such as https://app.example.com (got '" + value + "').");
  }

  public static String email(String param, String value) {
    if (value == null || value.isEmpty()) return value;
    if (!EMAIL.matcher(value).matches()) throw ApiError.invalid("email_invalid", param, "Invalid email address: " + value);
    return value;
  }

  /** A merchant-chosen name (a product's or coupon's id, a promotion code): letters, digits, '_' and '-' only; null when absent. */
  public static String slug(String param, String value) {
    if (value != null && !value.matches("[A-Za-z0-9_-]+")) {
      throw ApiError.invalid("parameter_invalid", param, "Invalid " + param + ": use letters, digits, '_' and '-' only.");
    }
    return value;
  }

  /** {@code current} with Stripe's {@code metadata} parameter applied: keys merge, a key sent empty goes, {@code metadata=} clears all. */
  public static Map<String, String> metadata(Params p, Map<String, String> current) {
    if (!p.has("metadata")) return current;
    boolean clear = p.isEmptyString("metadata");
    if (clear) p.accept("metadata");
    return Metadata.apply(current, clear ? null : p.stringMap("metadata"), clear, p.path("metadata"));
  }

  /** An id of the given Stripe prefix ({@code sub}, {@code price}), or null when absent. */
  public static String id(String param, String value, String prefix) {
    if (value == null) return null;
    if (!value.startsWith(prefix + "_") || value.length() <= prefix.length() + 1) {
      throw ApiError.invalid("resource_missing", param, "Invalid " + param + ": '" + value + "' is not a " + prefix + "_… id.");
    }
    return value;
  }

  /**
   * Runs a read-modify-write; when a concurrent request changed the object first, re-reads and
   * re-applies (the change is recomputed from the fresh state, so no update is lost).
   */
  public static <T> T retryingConflicts(Supplier<T> readModifyWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readModifyWrite.get();
      } catch (ConcurrentUpdateException e) {
        if (attempt == MAX_ATTEMPTS) throw e;
        backOff(attempt);
      }
    }
  }

  private static final int MAX_ATTEMPTS = 10;

  /** Random, growing pauses (up to about 0.2 s) so racing writers stop colliding in lockstep. */
  private static void backOff(int attempt) {
    long ceiling = Math.min(200, 5L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a conflicting update", e);
    }
  }
}
