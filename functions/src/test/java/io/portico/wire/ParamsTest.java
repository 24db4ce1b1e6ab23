package io.portico.wire;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.error.ApiError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParamsTest {

  private static Params params(String body) {
    return Params.of(FormDecoder.decode(body));
  }

  private static ApiError refused(String code, String param, Executable read) {
    ApiError e = assertThrows(ApiError.class, read);
    assertEquals(400, e.status());
    assertEquals(ApiError.INVALID_REQUEST, e.type());
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(param, e.param(), e.getMessage());
    return e;
  }

  @Test
  void hashOrSingleValue() {
    Params p = params("created=5&range[gte]=1&name=");
    assertFalse(p.isHash("created"));
    assertTrue(p.isHash("range"));
    assertFalse(p.isHash("name"));
    assertFalse(p.isHash("absent"));
  }

  // ---- strings ---------------------------------------------------------------------------------

  @Test
  void stringsAbsentPresentAndEmpty() {
    Params p = params("name=Jenny&description=");
    assertEquals("Jenny", p.string("name"));
    assertEquals("", p.string("description"));
    assertNull(p.string("email"));
    assertTrue(p.isEmptyString("description"));
    assertFalse(p.isEmptyString("name"));
  }

  @Test
  void hashWhereAStringIsExpected() {
    refused("parameter_invalid_string", "name", () -> params("name[first]=Jenny").string("name"));
  }

  @Test
  void stringAtTheLimitPassesOneMoreIsRefused() {
    assertEquals(256, params("name=" + "x".repeat(256)).string("name", 256).length());
    ApiError e = refused("string_length_exceeds_maximum", "name", () -> params("name=" + "x".repeat(257)).string("name", 256));
    assertTrue(e.getMessage().contains("256"), e.getMessage());
  }

  @Test
  void requiredStringMissingAndEmpty() {
    ApiError missing = refused("parameter_missing", "customer", () -> params("").requiredString("customer", 5000));
    assertEquals("Missing required param: customer.", missing.getMessage());
    refused("parameter_invalid_empty", "customer", () -> params("customer=").requiredString("customer", 5000));
  }

  @Test
  void nonEmptyStringRefusesTheEmptyString() {
    assertNull(params("").nonEmptyString("configuration", 10));
    refused("parameter_invalid_empty", "configuration", () -> params("configuration=").nonEmptyString("configuration", 10));
  }

  @Test
  void nestedNamesUseBracketPaths() {
    Params bp = params("business_profile[headline]=" + "h".repeat(61)).object("business_profile");
    assertEquals("business_profile[headline]", bp.path("headline"));
    refused("string_length_exceeds_maximum", "business_profile[headline]", () -> bp.string("headline", 60));
  }

  // ---- enums -----------------------------------------------------------------------------------

  @Test
  void enumValueNotInTheList() {
    Params mode = params("features[subscription_cancel][mode]=sometimes").object("features").object("subscription_cancel");
    ApiError e = refused("parameter_invalid", "features[subscription_cancel][mode]",
        () -> mode.oneOf("mode", List.of("at_period_end", "immediately")));
    assertTrue(e.getMessage().contains("at_period_end or immediately"), e.getMessage());
    assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
  }

  @Test
  void enumValueInTheListAndEmpty() {
    assertEquals("none", params("tax_exempt=none").oneOf("tax_exempt", List.of("exempt", "none")));
    refused("parameter_invalid_empty", "tax_exempt", () -> params("tax_exempt=").oneOf("tax_exempt", List.of("exempt", "none")));
  }

  @Test
  void enumListReportsTheBadEntry() {
    refused("parameter_invalid", "allowed[1]", () -> params("allowed[0]=email&allowed[1]=shoe_size").enumList("allowed", List.of("email", "name")));
  }

  // ---- scalars ---------------------------------------------------------------------------------

  @Test
  void booleans() {
    Params p = params("a=true&b=false");
    assertEquals(Boolean.TRUE, p.bool("a"));
    assertEquals(Boolean.FALSE, p.bool("b"));
    assertNull(p.bool("c"));
  }

  @Test
  void invalidBoolean() {
    Params enabled = params("features[invoice_history][enabled]=maybe").object("features").object("invoice_history");
    ApiError e = refused("parameter_invalid_boolean", "features[invoice_history][enabled]", () -> enabled.bool("enabled"));
    assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    // Only the lower-case words: Stripe refuses "True" and "1" as well.
    refused("parameter_invalid_boolean", "x", () -> params("x=True").bool("x"));
    refused("parameter_invalid_boolean", "x", () -> params("x=1").bool("x"));
    refused("parameter_missing", "enabled", () -> params("").requiredBool("enabled"));
  }

  @Test
  void integers() {
    assertEquals(42L, params("limit=42").integer("limit"));
    assertEquals(-5L, params("balance=-5").integer("balance"));
    ApiError e = refused("parameter_invalid_integer", "limit", () -> params("limit=abc").integer("limit"));
    assertEquals("Invalid integer: abc", e.getMessage());
    refused("parameter_invalid_integer", "limit", () -> params("limit=1.5").integer("limit"));
    refused("parameter_invalid_integer", "limit", () -> params("limit=").integer("limit"));
  }

  @Test
  void integerBoundsAreInclusive() {
    assertEquals(1L, params("limit=1").integer("limit", 1, 100));
    assertEquals(100L, params("limit=100").integer("limit", 1, 100));
    refused("parameter_invalid_integer", "limit", () -> params("limit=0").integer("limit", 1, 100));
    refused("parameter_invalid_integer", "limit", () -> params("limit=101").integer("limit", 1, 100));
  }

  // ---- structures ------------------------------------------------------------------------------

  @Test
  void stringWhereAHashIsExpected() {
    refused("parameter_invalid", "address", () -> params("address=Main+Street").object("address"));
    refused("parameter_missing", "features", () -> params("").requiredObject("features"));
  }

  @Test
  void objectListInIndexOrder() {
    // Indices sort numerically (10 after 2), not as strings, and gaps close up.
    List<Params> items = params("items[10][price]=c&items[2][price]=b&items[0][price]=a").objectList("items");
    assertEquals(List.of("a", "b", "c"), items.stream().map(i -> i.string("price")).toList());
    assertEquals("items[2][price]", items.get(1).path("price")); // named as sent
  }

  @Test
  void sparseIndicesAreReadUnderTheNamesSent() {
    // A client that starts at [1] (or skips one) sent items[1][price]: that is the name read, and
    // the one errors must use, so rejectUnknown must not call it unknown.
    Params p = params("items[1][price]=p&tags[3]=t");
    List<Params> items = p.objectList("items");
    assertEquals("items[1][price]", items.get(0).path("price"));
    assertEquals("p", items.get(0).string("price"));
    assertEquals(List.of("t"), p.stringList("tags", 10));
    assertDoesNotThrow(p::rejectUnknown);
    refused("string_length_exceeds_maximum", "tags[3]", () -> params("tags[3]=toolong").stringList("tags", 3));
    refused("parameter_invalid", "allowed[5]", () -> params("allowed[2]=email&allowed[5]=shoe_size").enumList("allowed", List.of("email")));
  }

  @Test
  void objectListRefusesScalarsAndNonIndices() {
    refused("parameter_invalid", "items[0]", () -> params("items[0]=x").objectList("items"));
    refused("parameter_invalid", "items", () -> params("items[price]=x").objectList("items"));
    refused("parameter_invalid", "items", () -> params("items=x").objectList("items"));
  }

  @Test
  void emptyStringClearsAnArray() {
    assertEquals(List.of(), params("expand=").stringList("expand", 100));
    assertEquals(List.of(), params("items=").objectList("items"));
  }

  @Test
  void stringListEntriesAreCheckedOneByOne() {
    refused("string_length_exceeds_maximum", "preferred_locales[1]",
        () -> params("preferred_locales[0]=en&preferred_locales[1]=" + "x".repeat(11)).stringList("preferred_locales", 10));
    refused("parameter_invalid", "expand[0]", () -> params("expand[0][a]=b").stringList("expand", 100));
  }

  @Test
  void stringMapTakesAnyKeyButOnlyStringValues() {
    assertEquals(Map.of("a", "1", "b", ""), params("metadata[a]=1&metadata[b]=").stringMap("metadata"));
    refused("parameter_invalid", "metadata[a]", () -> params("metadata[a][b]=1").stringMap("metadata"));
    refused("parameter_invalid", "metadata", () -> params("metadata=x").stringMap("metadata"));
  }

  // ---- unknown parameters ----------------------------------------------------------------------

  @Test
  void unknownTopLevelParameter() {
    Params p = params("name=Jenny&foo=bar");
    p.string("name");
    ApiError e = refused("parameter_unknown", "foo", p::rejectUnknown);
    assertEquals("Received unknown parameter: foo", e.getMessage());
  }

  @Test
  void unknownNestedParameterIsNamedByItsFullPath() {
    Params p = params("features[subscription_update][enabled]=true&features[subscription_update][foo]=1");
    p.object("features").object("subscription_update").bool("enabled");
    refused("parameter_unknown", "features[subscription_update][foo]", p::rejectUnknown);
  }

  @Test
  void unreadHashIsUnknownAtItsFirstLeaf() {
    Params p = params("name=x&shipping[address][city]=Paris");
    p.string("name");
    refused("parameter_unknown", "shipping[address][city]", p::rejectUnknown);
  }

  @Test
  void everythingReadIsKnown() {
    Params p = params("name=x&metadata[a]=1&metadata[b]=2&items[0][price]=p&expand[]=e&features[x][enabled]=true");
    p.string("name");
    p.stringMap("metadata"); // a free-form hash claims all its keys
    p.objectList("items").get(0).string("price");
    p.stringList("expand", 100);
    p.object("features").object("x").bool("enabled");
    assertDoesNotThrow(p::rejectUnknown);
  }

  @Test
  void hasDoesNotClaimButAcceptDoes() {
    Params p = params("a=1&b=2");
    assertTrue(p.has("a"));
    p.accept("b");
    refused("parameter_unknown", "a", p::rejectUnknown);
  }

  @Test
  void rejectUnknownOnASubtreeLooksOnlyThere() {
    Params p = params("outside=1&inner[a]=1&inner[b]=2");
    Params inner = p.object("inner");
    inner.string("a");
    refused("parameter_unknown", "inner[b]", inner::rejectUnknown);
  }

  @Test
  void joinOr() {
    assertEquals("a", Params.joinOr(List.of("a")));
    assertEquals("a or b", Params.joinOr(List.of("a", "b")));
    assertEquals("a, b or c", Params.joinOr(List.of("a", "b", "c")));
  }
}
