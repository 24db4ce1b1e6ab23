package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The local stack compresses as the deployed API does (template.yaml's MinimumCompressionSize): the
 * portal's script goes out gzipped to a browser, whole to a client that does not ask for it.
 */
class AssetCompressionTest {
  private static byte[] get(String path, String acceptEncoding, String[] encoding) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestStack.get().baseUrl() + path));
    if (acceptEncoding != null) b.header("Accept-Encoding", acceptEncoding);
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    encoding[0] = r.headers().firstValue("Content-Encoding").orElse(null);
    return r.body();
  }

  @Test
  void theScriptIsGzippedForBrowsersAndWholeOtherwise() throws Exception {
    String[] encoding = new String[1];
    byte[] whole = get("/p/assets/portal.js", null, encoding);
    assertEquals(null, encoding[0]);
    byte[] zipped = get("/p/assets/portal.js", "gzip, deflate, br", encoding);
    assertEquals("gzip", encoding[0]);
    assertTrue(zipped.length * 3 < whole.length, zipped.length + " bytes gzipped of " + whole.length);
    assertArrayEquals(whole, new GZIPInputStream(new ByteArrayInputStream(zipped)).readAllBytes());
  }
}
