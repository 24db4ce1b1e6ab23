package io.portico.wire;

import io.portico.error.ApiError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Stripe's form encoding ({@code a[b][c]=v}, {@code items[0][price]=p}, {@code expand[]=x})
 * into a tree of {@code LinkedHashMap<String,Object>} whose leaves are strings. Array indices stay
 * map keys ("0", "1", ...) here; {@link Params} turns them into lists when a list is asked for, so
 * one tree serves both {@code metadata[0]=x} and {@code items[0][price]=y}. An empty {@code []}
 * appends at the next free index.
 */
public final class FormDecoder {
  private FormDecoder() {}

  public static Map<String, Object> decode(String body) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) return root;
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String rawKey = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      put(root, urlDecode(rawKey), urlDecode(rawValue));
    }
    return root;
  }

  /** Query strings arrive from API Gateway already split into names and values. */
  public static Map<String, Object> fromPairs(Map<String, List<String>> pairs) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (pairs == null) return root;
    pairs.forEach((k, values) -> {
      if (values != null) values.forEach(v -> put(root, k, v == null ? "" : v));
    });
    return root;
  }

  private static String urlDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The decoder's own message names the JDK class; say what is wrong in the client's terms.
      throw ApiError.invalid("body_invalid", null, "The request body is not valid form encoding: every '%' must be followed"
          + " by two hexadecimal digits (send a literal % as %25).");
    }
  }

  static List<String> segments(String key) {
    List<String> out = new ArrayList<>();
    int open = key.indexOf('[');
    if (open < 0) {
      out.add(key);
      return out;
    }
    out.add(key.substring(0, open));
    int i = open;
    while (i < key.length()) {
      if (key.charAt(i) != '[') throw malformed(key);
      int close = key.indexOf(']', i);
      if (close < 0) throw malformed(key);
      out.add(key.substring(i + 1, close));
      i = close + 1;
    }
    return out;
  }

  private static ApiError malformed(String key) {
    return ApiError.invalid("parameter_invalid", key, "Invalid parameter name: " + key + " (unbalanced brackets).");
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String key, String value) {
    List<String> segs = segments(key);
    if (segs.get(0).isEmpty()) throw malformed(key);
    Map<String, Object> node = root;
    StringBuilder path = new StringBuilder(segs.get(0));
    for (int i = 0; i < segs.size(); i++) {
      String seg = segs.get(i);
      if (seg.isEmpty()) seg = nextIndex(node); // "[]": append
      if (i > 0) path.append('[').append(seg).append(']');
      boolean last = i == segs.size() - 1;
      Object existing = node.get(seg);
      if (last) {
        if (existing instanceof Map) throw conflict(path);
        node.put(seg, value);
      } else {
        if (existing == null) {
          Map<String, Object> child = new LinkedHashMap<>();
          node.put(seg, child);
          node = child;
        } else if (existing instanceof Map) {
          node = (Map<String, Object>) existing;
        } else {
          throw conflict(path);
        }
      }
    }
  }

  /** The first free index from the size up: after {@code a[1]=x} the size is 1, yet "1" is taken. */
  private static String nextIndex(Map<String, Object> node) {
    int i = node.size();
    while (node.containsKey(Integer.toString(i))) i++;
    return Integer.toString(i);
  }

  private static ApiError conflict(CharSequence path) {
    return ApiError.invalid("parameter_invalid", path.toString(),
        "Invalid " + path + ": it was sent both as a value and as a hash.");
  }
}
