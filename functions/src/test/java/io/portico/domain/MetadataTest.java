package io.portico.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.error.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {

  private static Map<String, String> keys(int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) m.put("k" + i, "v");
    return m;
  }

  private static ApiError refused(String param, Map<String, String> current, Map<String, String> changes) {
    ApiError e = assertThrows(ApiError.class, () -> Metadata.apply(current, changes, false, "metadata"));
    assertEquals(400, e.status());
    assertEquals("parameter_invalid", e.code());
    assertEquals(param, e.param());
    return e;
  }

  @Test
  void addsAndOverwrites() {
    assertEquals(Map.of("a", "1", "b", "3"), Metadata.apply(Map.of("a", "1", "b", "2"), Map.of("b", "3"), false, "metadata"));
  }

  @Test
  void nullChangesLeaveItAsIs() {
    assertEquals(Map.of("a", "1"), Metadata.apply(Map.of("a", "1"), null, false, "metadata"));
    assertEquals(Map.of(), Metadata.apply(null, null, false, "metadata"));
  }

  @Test
  void emptyValueRemovesTheKey() {
    assertEquals(Map.of("a", "1"), Metadata.apply(Map.of("a", "1", "b", "2"), Map.of("b", ""), false, "metadata"));
    // removing a key that is not there is not an error
    assertEquals(Map.of("a", "1"), Metadata.apply(Map.of("a", "1"), Map.of("zzz", ""), false, "metadata"));
  }

  @Test
  void clearEmptiesBeforeApplying() {
    assertEquals(Map.of(), Metadata.apply(Map.of("a", "1"), null, true, "metadata"));
    assertEquals(Map.of("c", "3"), Metadata.apply(Map.of("a", "1"), Map.of("c", "3"), true, "metadata"));
  }

  @Test
  void fiftyKeysPassFiftyOneAreRefused() {
    assertEquals(50, Metadata.apply(Map.of(), keys(50), false, "metadata").size());
    ApiError e = refused("metadata", Map.of(), keys(51));
    assertTrue(e.getMessage().contains("50"), e.getMessage());
  }

  @Test
  void theLimitCountsWhatTheObjectWouldEndUpWith() {
    // 49 stored + 2 new = 51; but 50 stored + 1 new - 1 removed = 50 is fine.
    refused("metadata", keys(49), Map.of("new1", "x", "new2", "y"));
    Map<String, String> swap = new LinkedHashMap<>();
    swap.put("k0", "");
    swap.put("fresh", "x");
    assertEquals(50, Metadata.apply(keys(50), swap, false, "metadata").size());
  }

  @Test
  void keyLength() {
    assertEquals(1, Metadata.apply(Map.of(), Map.of("k".repeat(40), "v"), false, "metadata").size());
    String key = "k".repeat(41);
    ApiError e = refused("metadata[" + key + "]", Map.of(), Map.of(key, "v"));
    assertTrue(e.getMessage().contains("40"), e.getMessage());
  }

  @Test
  void valueLength() {
    assertEquals(1, Metadata.apply(Map.of(), Map.of("k", "v".repeat(500)), false, "metadata").size());
    ApiError e = refused("metadata[k]", Map.of(), Map.of("k", "v".repeat(501)));
    assertTrue(e.getMessage().contains("500"), e.getMessage());
  }

  @Test
  void keysWithBracketsOrEmptyAreRefused() {
    for (String key : List.of("a[b", "a]b")) refused("metadata[" + key + "]", Map.of(), Map.of(key, "v"));
    refused("metadata", Map.of(), Map.of("", "v"));
  }

  @Test
  void theParamNameIsTheCallersPath() {
    ApiError e = assertThrows(ApiError.class,
        () -> Metadata.apply(Map.of(), Map.of("k", "v".repeat(501)), false, "subscription_data[metadata]"));
    assertEquals("subscription_data[metadata][k]", e.param());
  }
}
