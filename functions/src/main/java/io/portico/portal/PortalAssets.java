package io.portico.portal;

import io.portico.api.ApiResponse;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosted page's static files ({@code GET /p/assets/{file}}), packaged in the function's jar
 * under {@code /portal-ui/}: one script and one style sheet, no third-party CDN. Pages link them
 * with {@code ?v=<content hash>}, so a browser may keep them a year; a new deployment changes the
 * hash and with it the URL.
 */
@Singleton
public class PortalAssets {
  static final String RESOURCE_DIR = "/portal-ui/";
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");
  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  record Asset(String body, String version, String contentType) {}

  /**
   * The absolute path of {@code file} with its version, for a page to link: under the API's base path
   * (the stage, on an execute-api host), so it resolves the same from {@code /p/portal} and from
   * {@code /p/session/<token>}.
   */
  public String href(String baseUrl, String file) {
    Asset a = asset(file);
    return PortalPageService.basePath(baseUrl) + "/p/assets/" + file + (a == null ? "" : "?v=" + a.version());
  }

  /** {@code GET /p/assets/{file}}: the file, cacheable for a year when asked by its current version. */
  public ApiResponse serve(String file, String version, String ifNoneMatch) {
    Asset a = asset(file);
    if (a == null) return text(404, "text/plain; charset=utf-8", "Not found").header("Cache-Control", "no-store");
    String etag = "\"" + a.version() + "\"";
    String cache = a.version().equals(version) ? "public, max-age=31536000, immutable" : "public, max-age=300";
    if (etag.equals(ifNoneMatch)) return text(304, a.contentType(), "").header("ETag", etag).header("Cache-Control", cache);
    return text(200, a.contentType(), a.body()).header("ETag", etag).header("Cache-Control", cache)
        .header("X-Content-Type-Options", "nosniff");
  }

  private Asset asset(String file) {
    if (file == null || !file.matches("[a-z0-9-]+\\.(js|css|svg)")) return null;
    return loaded.computeIfAbsent(file, PortalAssets::load);
  }

  private static Asset load(String file) {
    try (InputStream in = PortalAssets.class.getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) return null;
      byte[] bytes = in.readAllBytes();
      String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
      return new Asset(new String(bytes, StandardCharsets.UTF_8), version, TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiResponse text(int status, String type, String body) {
    return new ApiResponse(status, body, type, new LinkedHashMap<>());
  }
}
