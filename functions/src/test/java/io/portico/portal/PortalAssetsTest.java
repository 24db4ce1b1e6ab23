package io.portico.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.ApiResponse;
import org.junit.jupiter.api.Test;

class PortalAssetsTest {
  private final PortalAssets assets = new PortalAssets();

  private static String version(String href) {
    return href.substring(href.indexOf("?v=") + 3);
  }

  @Test
  void aPageLinksEachFileByItsContentHashAndThatUrlIsCachedForAYear() {
    String href = assets.href("http://localhost:4242", "portal.js");
    assertTrue(href.matches("/p/assets/portal\\.js\\?v=[0-9a-f]{16}"), href);
    assertTrue(assets.href("https://abc.execute-api.eu-west-1.amazonaws.com/api", "portal.js").startsWith("/api/p/assets/portal.js?v="),
        "under the stage's path");
    ApiResponse js = assets.serve("portal.js", version(href), null);
    assertEquals(200, js.status());
    assertEquals("text/javascript; charset=utf-8", js.contentType());
    assertEquals("public, max-age=31536000, immutable", js.headers().get("Cache-Control"));
    assertTrue(((String) js.body()).contains("'use strict'"));
    assertEquals("nosniff", js.headers().get("X-Content-Type-Options"));
  }

  @Test
  void anOtherVersionIsCachedBrieflyAndAnUnchangedFileAnswers304() {
    ApiResponse stale = assets.serve("portal.css", "0000000000000000", null);
    assertEquals(200, stale.status());
    assertEquals("public, max-age=300", stale.headers().get("Cache-Control"));
    ApiResponse again = assets.serve("portal.css", null, stale.headers().get("ETag"));
    assertEquals(304, again.status());
    assertEquals("", again.body());
  }

  @Test
  void onlyThePortalsOwnFilesAreServed() {
    for (String name : new String[] {"../i18n/messages_en.properties", "portal.js/../x", "missing.js", "PORTAL.JS", "", null}) {
      assertEquals(404, assets.serve(name, null, null).status(), String.valueOf(name));
    }
  }
}
