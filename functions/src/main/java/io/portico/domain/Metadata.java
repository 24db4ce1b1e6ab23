package io.portico.domain;

import io.portico.error.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe's metadata rules: at most 50 keys, keys up to 40 characters without square brackets,
 * values up to 500 characters. On update a key sent with an empty value is removed and the whole
 * hash sent as the empty string clears everything.
 */
public final class Metadata {
  public static final int MAX_KEYS = 50;
  public static final int MAX_KEY_LENGTH = 40;
  public static final int MAX_VALUE_LENGTH = 500;

  private Metadata() {}

  /** Applies {@code changes} (null: no change) to {@code current}; {@code clear} empties it first. */
  public static Map<String, String> apply(Map<String, String> current, Map<String, String> changes, boolean clear, String param) {
    Map<String, String> out = new LinkedHashMap<>(clear || current == null ? Map.of() : current);
    if (changes != null) {
      for (Map.Entry<String, String> e : changes.entrySet()) {
        String key = e.getKey();
        String p = param + "[" + key + "]";
        if (key.isEmpty()) throw ApiError.invalid("parameter_invalid", param, "Invalid metadata: keys must not be empty.");
        if (key.length() > MAX_KEY_LENGTH) throw ApiError.invalid("parameter_invalid", p,
            "Invalid metadata: keys can be at most " + MAX_KEY_LENGTH + " characters long ('" + key + "' has " + key.length() + ").");
        if (key.contains("[") || key.contains("]")) throw ApiError.invalid("parameter_invalid", p,
            "Invalid metadata: keys may not contain square brackets.");
        if (e.getValue().length() > MAX_VALUE_LENGTH) throw ApiError.invalid("parameter_invalid", p,
            "Invalid metadata: values can be at most " + MAX_VALUE_LENGTH + " characters long (the value of '" + key + "' has "
                + e.getValue().length() + ").");
        if (e.getValue().isEmpty()) out.remove(key);
        else out.put(key, e.getValue());
      }
    }
    if (out.size() > MAX_KEYS) throw ApiError.invalid("parameter_invalid", param,
        "Invalid metadata: an object can have at most " + MAX_KEYS + " metadata keys (this request would leave " + out.size() + ").");
    return out;
  }
}
