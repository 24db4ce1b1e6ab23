package io.portico.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.error.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

  @Test
  void nestedHashes() {
    assertEquals(Map.of("a", Map.of("b", Map.of("c", "v"))), FormDecoder.decode("a[b][c]=v"));
  }

  @Test
  void siblingsShareTheirParent() {
    assertEquals(Map.of("a", Map.of("b", "1", "c", "2"), "d", "3"), FormDecoder.decode("a[b]=1&a[c]=2&d=3"));
  }

  @Test
  void indexedArrayOfHashesStaysAMapOfIndices() {
    // Indices stay string keys here; Params turns them into a list when a list is asked for.
    assertEquals(Map.of("items", Map.of("0", Map.of("price", "p"), "1", Map.of("quantity", "2"))),
        FormDecoder.decode("items[0][price]=p&items[1][quantity]=2"));
  }

  @Test
  void emptyBracketsAppendAtTheNextIndex() {
    Map<String, Object> tree = FormDecoder.decode("expand[]=a&expand[]=b");
    assertEquals(Map.of("expand", Map.of("0", "a", "1", "b")), tree);
    assertEquals(List.of("a", "b"), Params.of(tree).stringList("expand", 100));
  }

  @Test
  void appendingNeverOverwritesAnExplicitIndex() {
    // a[1] was sent first, so the map holds one entry: "the next index" (size = 1) is taken; [] must go to 2.
    assertEquals(Map.of("a", Map.of("1", "x", "2", "y")), FormDecoder.decode("a[1]=x&a[]=y"));
  }

  @Test
  void orderOfParametersIsKept() {
    Map<String, Object> tree = FormDecoder.decode("z=1&a=2&m=3");
    assertEquals(List.of("z", "a", "m"), List.copyOf(tree.keySet()));
  }

  @Test
  void percentEncodedValuesAreDecoded() {
    assertEquals(Map.of("return_url", "https://example.com/a?b=c&d=é"),
        FormDecoder.decode("return_url=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc%26d%3D%C3%A9"));
  }

  @Test
  void percentEncodedBracketsAreBracketsAfterDecoding() {
    // Stripe SDKs send metadata%5Bkey%5D=value: the key is decoded before brackets are read.
    assertEquals(Map.of("metadata", Map.of("key", "value")), FormDecoder.decode("metadata%5Bkey%5D=value"));
  }

  @Test
  void plusIsASpaceInFormBodies() {
    assertEquals(Map.of("name", "Jenny Rosen", "plus", "a+b"), FormDecoder.decode("name=Jenny+Rosen&plus=a%2Bb"));
  }

  @Test
  void emptyValuesAreKeptAsEmptyStrings() {
    // "" is how Stripe clients unset a field, so it must survive decoding; a bare name counts as "".
    assertEquals(Map.of("description", "", "email", "", "metadata", Map.of("k", "")),
        FormDecoder.decode("description=&email&metadata[k]="));
  }

  @Test
  void valuesMayContainEqualsSigns() {
    // Only the first '=' separates name and value.
    assertEquals(Map.of("a", "b=c"), FormDecoder.decode("a=b=c"));
  }

  @Test
  void emptyBodyAndStrayAmpersands() {
    assertTrue(FormDecoder.decode("").isEmpty());
    assertTrue(FormDecoder.decode(null).isEmpty());
    assertEquals(Map.of("a", "1", "b", "2"), FormDecoder.decode("&a=1&&b=2&"));
  }

  @Test
  void queryPairsDecodeToTheSameTree() {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    pairs.put("expand[]", List.of("data.application", "x"));
    pairs.put("limit", List.of("3"));
    assertEquals(Map.of("expand", Map.of("0", "data.application", "1", "x"), "limit", "3"), FormDecoder.fromPairs(pairs));
  }

  @Test
  void valueThenHashIsAConflict() {
    ApiError e = assertThrows(ApiError.class, () -> FormDecoder.decode("a=1&a[b]=2"));
    assertEquals(400, e.status());
    assertEquals("parameter_invalid", e.code());
    assertEquals("a", e.param());
  }

  @Test
  void hashThenValueIsAConflict() {
    ApiError e = assertThrows(ApiError.class, () -> FormDecoder.decode("a[b][c]=1&a[b]=2"));
    assertEquals("parameter_invalid", e.code());
    assertEquals("a[b]", e.param());
  }

  @Test
  void unclosedBracket() {
    ApiError e = assertThrows(ApiError.class, () -> FormDecoder.decode("a[b=1"));
    assertEquals(400, e.status());
    assertEquals("parameter_invalid", e.code());
    assertEquals("a[b", e.param());
    assertTrue(e.getMessage().contains("unbalanced brackets"), e.getMessage());
  }

  @Test
  void otherMalformedNames() {
    // text after a closing bracket, a doubled closing bracket, a nested opening bracket, no name before the brackets
    for (String key : List.of("a[b]c", "a[b]]", "a[b[c]]", "[a]", "[]")) {
      ApiError e = assertThrows(ApiError.class, () -> FormDecoder.decode(key + "=1"), key);
      assertEquals("parameter_invalid", e.code(), key);
      assertEquals(key, e.param(), key);
    }
  }

  @Test
  void badPercentEncodingIsABadBody() {
    ApiError e = assertThrows(ApiError.class, () -> FormDecoder.decode("a=%zz"));
    assertEquals(400, e.status());
    assertEquals("body_invalid", e.code());
    assertFalse(e.getMessage().contains("URLDecoder"), e.getMessage()); // the JDK's wording is not the client's business
    assertThrows(ApiError.class, () -> FormDecoder.decode("a=100%")); // a trailing '%' too
  }
}
