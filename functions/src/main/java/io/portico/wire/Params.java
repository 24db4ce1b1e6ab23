package io.portico.wire;

import io.portico.error.ApiError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed, validating reads of a decoded request (see {@link FormDecoder}). Every read records the
 * parameter as known; after a service has read what it understands, {@link #rejectUnknown()} fails
 * the request on the first parameter nobody read, as Stripe does ("Received unknown parameter").
 * Services read and validate everything before they write anything, so a rejected request leaves
 * nothing behind.
 *
 * <p>Parameter names in errors use Stripe's bracket paths: {@code features[subscription_update][products][0][prices]}.
 */
public final class Params {
  private final Map<String, Object> node;
  private final String prefix; // "" at the root, "features[subscription_update]" below
  private final Set<String> known;

  private Params(Map<String, Object> node, String prefix, Set<String> known) {
    this.node = node;
    this.prefix = prefix;
    this.known = known;
  }

  public static Params of(Map<String, Object> tree) {
    return new Params(tree, "", new HashSet<>());
  }

  public static Params empty() {
    return of(new LinkedHashMap<>());
  }

  /** The full, Stripe-style name of a child parameter. */
  public String path(String name) {
    return prefix.isEmpty() ? name : prefix + "[" + name + "]";
  }

  public String prefix() { return prefix; }

  public boolean has(String name) {
    return node.containsKey(name);
  }

  /** True when the parameter was sent as the empty string: Stripe's way to unset a field. */
  public boolean isEmptyString(String name) {
    Object v = node.get(name);
    return v instanceof String s && s.isEmpty();
  }

  /** True when the parameter was sent as a hash ({@code name[key]=…}) rather than a single value. */
  public boolean isHash(String name) {
    return node.get(name) instanceof Map;
  }

  /** Marks a parameter as understood without reading it (e.g. one handled elsewhere). */
  public void accept(String name) {
    known.add(path(name));
  }

  public boolean isEmpty() { return node.isEmpty(); }

  public Set<String> names() { return node.keySet(); }

  // ---- strings -------------------------------------------------------------------------------

  /** The string value, or null when absent. The empty string is returned as is. */
  public String string(String name) {
    Object v = node.get(name);
    if (v == null) return null;
    known.add(path(name));
    if (!(v instanceof String s)) throw ApiError.invalid("parameter_invalid_string", path(name),
        "Invalid " + path(name) + ": expected a string, but got a hash or array.");
    return s;
  }

  /** A string no longer than {@code max}; null when absent. */
  public String string(String name, int max) {
    String s = string(name);
    if (s != null && s.length() > max) throw ApiError.tooLong(path(name), max);
    return s;
  }

  public String requiredString(String name, int max) {
    String s = string(name, max);
    if (s == null) throw ApiError.missing(path(name));
    if (s.isEmpty()) throw ApiError.invalidEmpty(path(name));
    return s;
  }

  /** A non-empty string (empty is refused: the field cannot be unset); null when absent. */
  public String nonEmptyString(String name, int max) {
    String s = string(name, max);
    if (s != null && s.isEmpty()) throw ApiError.invalidEmpty(path(name));
    return s;
  }

  /** One of {@code allowed}; null when absent. */
  public String oneOf(String name, Collection<String> allowed) {
    String s = string(name);
    if (s == null) return null;
    if (s.isEmpty()) throw ApiError.invalidEmpty(path(name));
    if (!allowed.contains(s)) throw ApiError.invalid("parameter_invalid", path(name),
        "Invalid " + path(name) + ": must be one of " + joinOr(allowed) + " (got '" + s + "').");
    return s;
  }

  // ---- scalars -------------------------------------------------------------------------------

  public Boolean bool(String name) {
    String s = string(name);
    if (s == null) return null;
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiError.invalid("parameter_invalid_boolean", path(name),
          "Invalid boolean: " + (s.isEmpty() ? "''" : s) + " for " + path(name) + " (expected true or false).");
    };
  }

  public boolean requiredBool(String name) {
    Boolean b = bool(name);
    if (b == null) throw ApiError.missing(path(name));
    return b;
  }

  public Long integer(String name) {
    String s = string(name);
    if (s == null) return null;
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiError.invalidInteger(path(name), s.isEmpty() ? "''" : s);
    }
  }

  public Long integer(String name, long min, long max) {
    Long v = integer(name);
    if (v != null && (v < min || v > max)) throw ApiError.invalid("parameter_invalid_integer", path(name),
        "Invalid " + path(name) + ": must be between " + min + " and " + max + " (got " + v + ").");
    return v;
  }

  // ---- structures ----------------------------------------------------------------------------

  /** A nested hash; null when absent. The empty string is not a hash: check {@link #isEmptyString} first where it means "unset". */
  @SuppressWarnings("unchecked")
  public Params object(String name) {
    Object v = node.get(name);
    if (v == null) return null;
    if (!(v instanceof Map)) {
      known.add(path(name));
      throw ApiError.invalid("parameter_invalid", path(name),
          "Invalid " + path(name) + ": expected a hash (e.g. " + path(name) + "[field]=value).");
    }
    return new Params((Map<String, Object>) v, path(name), known);
  }

  public Params requiredObject(String name) {
    Params p = object(name);
    if (p == null) throw ApiError.missing(path(name));
    return p;
  }

  /** An array of hashes ({@code items[0][price]=...}); null when absent. */
  public List<Params> objectList(String name) {
    List<Map.Entry<String, Object>> raw = rawList(name);
    if (raw == null) return null;
    List<Params> out = new ArrayList<>();
    for (Map.Entry<String, Object> entry : raw) {
      Object v = entry.getValue();
      String p = path(name) + "[" + entry.getKey() + "]";
      if (!(v instanceof Map)) {
        known.add(p);
        throw ApiError.invalid("parameter_invalid", p, "Invalid " + p + ": expected a hash.");
      }
      @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) v;
      out.add(new Params(m, p, known));
    }
    return out;
  }

  /** An array of strings ({@code expand[]=a&expand[]=b}); null when absent. */
  public List<String> stringList(String name, int maxLength) {
    List<Map.Entry<String, Object>> raw = rawList(name);
    if (raw == null) return null;
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> entry : raw) {
      String p = path(name) + "[" + entry.getKey() + "]";
      known.add(p);
      if (!(entry.getValue() instanceof String s)) throw ApiError.invalid("parameter_invalid", p, "Invalid " + p + ": expected a string.");
      if (s.length() > maxLength) throw ApiError.tooLong(p, maxLength);
      out.add(s);
    }
    return out;
  }

  /** A string array whose values must each be one of {@code allowed}; null when absent. */
  public List<String> enumList(String name, Collection<String> allowed) {
    List<String> values = stringList(name, 5000);
    if (values == null) return null;
    for (Map.Entry<String, Object> e : rawList(name)) { // every value is a string now; rawList keeps the index as sent
      if (!allowed.contains(e.getValue())) {
        String p = path(name) + "[" + e.getKey() + "]";
        throw ApiError.invalid("parameter_invalid", p,
            "Invalid " + p + ": must be one of " + joinOr(allowed) + " (got '" + e.getValue() + "').");
      }
    }
    return values;
  }

  /** A free-form string hash (metadata); every key is accepted. Null when absent. */
  public Map<String, String> stringMap(String name) {
    Object v = node.get(name);
    if (v == null) return null;
    known.add(path(name));
    if (!(v instanceof Map<?, ?> m)) throw ApiError.invalid("parameter_invalid", path(name),
        "Invalid " + path(name) + ": expected a hash of strings (e.g. " + path(name) + "[key]=value).");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String s)) throw ApiError.invalid("parameter_invalid",
          path(name) + "[" + e.getKey() + "]", "Invalid " + path(name) + "[" + e.getKey() + "]: values must be strings, not nested hashes.");
      out.put((String) e.getKey(), s);
    }
    return out;
  }

  /**
   * The entries of an array in index order, each keyed by the index as sent: a client may skip
   * indices or start at 1, and the names it sent are the ones read (and named in errors); reading
   * them under their list positions instead would leave the sent names unknown to rejectUnknown.
   */
  @SuppressWarnings("unchecked")
  private List<Map.Entry<String, Object>> rawList(String name) {
    Object v = node.get(name);
    if (v == null) return null;
    if (v instanceof String s) {
      known.add(path(name));
      if (s.isEmpty()) return List.of(); // Stripe: "" empties an array
      throw ApiError.invalid("parameter_invalid", path(name),
          "Invalid array for " + path(name) + ": send it as " + path(name) + "[0]=...");
    }
    Map<String, Object> m = (Map<String, Object>) v;
    TreeMap<Integer, Map.Entry<String, Object>> byIndex = new TreeMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      int idx;
      try {
        idx = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        known.add(path(name) + "[" + e.getKey() + "]");
        throw ApiError.invalid("parameter_invalid", path(name),
            "Invalid array for " + path(name) + ": '" + e.getKey() + "' is not an index.");
      }
      if (idx < 0 || idx >= 10_000) throw ApiError.invalid("parameter_invalid", path(name) + "[" + idx + "]",
          "Invalid array index " + idx + " for " + path(name) + ".");
      byIndex.put(idx, e);
    }
    return new ArrayList<>(byIndex.values());
  }

  // ---- unknown parameters ----------------------------------------------------------------------

  /** Fails on the first parameter in this subtree that no read has claimed. */
  public void rejectUnknown() {
    String unknown = firstUnknown(node, prefix);
    if (unknown != null) throw ApiError.unknownParameter(unknown);
  }

  @SuppressWarnings("unchecked")
  private String firstUnknown(Map<String, Object> m, String at) {
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String p = at.isEmpty() ? e.getKey() : at + "[" + e.getKey() + "]";
      if (known.contains(p)) continue;
      if (e.getValue() instanceof Map) {
        String inner = firstUnknown((Map<String, Object>) e.getValue(), p);
        if (inner != null) return inner;
      } else {
        return p;
      }
    }
    return null;
  }

  static String joinOr(Collection<String> values) {
    List<String> l = new ArrayList<>(values);
    if (l.size() == 1) return l.get(0);
    return String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
  }
}
