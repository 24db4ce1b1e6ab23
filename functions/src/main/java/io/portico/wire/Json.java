package io.portico.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Stripe's JSON: snake_case field names, nulls written out (Stripe sends {@code "name": null}),
 * unknown fields ignored on read so stored objects survive new fields.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode tree(Object value) {
    return value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Stripe's {@code previous_attributes}: for each field that changed, its value before the change;
   * nested objects are compared field by field so only what changed inside them is reported.
   */
  public static ObjectNode previousAttributes(JsonNode before, JsonNode after) {
    ObjectNode out = object();
    if (before == null || !before.isObject()) return out;
    Iterator<Map.Entry<String, JsonNode>> fields = before.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode now = after.get(e.getKey());
      JsonNode was = e.getValue();
      if (was.equals(now)) continue;
      if (was.isObject() && now != null && now.isObject()) {
        ObjectNode inner = previousAttributes(was, now);
        // a key that is new in `after` was absent before: report it as null inside the hash
        now.fieldNames().forEachRemaining(k -> { if (!was.has(k)) inner.putNull(k); });
        if (!inner.isEmpty()) out.set(e.getKey(), inner);
      } else {
        out.set(e.getKey(), was);
      }
    }
    after.fieldNames().forEachRemaining(k -> { if (!before.has(k)) out.putNull(k); });
    return out;
  }
}
