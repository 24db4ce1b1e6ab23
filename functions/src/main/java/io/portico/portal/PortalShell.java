package io.portico.portal;

import io.portico.api.ApiResponse;
import io.portico.domain.Account;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.portal.BrandStyle;
import io.portico.i18n.Messages;
import io.portico.service.Html;
import io.portico.store.SessionRepository.PortalAccess;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosted page's frame: the merchant's branding as CSS custom properties, the header (logo,
 * business name, headline, test-mode notice, the way back to the merchant), the footer (terms and
 * privacy links) and, for the portal itself, the script and its data (the locale's messages). Nothing
 * inline runs: the script is a file of ours, the data a JSON block the browser does not execute, and
 * the one inline style (the brand's colours) is allowed by its hash in the Content-Security-Policy.
 */
@Singleton
public class PortalShell {
  private final PortalAssets assets;
  private final Map<String, String> messagesJson = new ConcurrentHashMap<>();

  public PortalShell(PortalAssets assets) {
    this.assets = assets;
  }

  /** The portal page of a signed-in session: the frame around the script's views. */
  public ApiResponse render(PortalAccess a, Messages m, String baseUrl) {
    PortalSession s = a.session();
    Account brand = a.brand();
    String business = PortalPageService.businessName(brand);
    PortalConfiguration.BusinessProfile profile = a.configuration().businessProfile();
    String headline = profile == null || profile.headline() == null || profile.headline().isBlank()
        ? m.get("app.headline_default", Map.of("business", business)) : profile.headline();
    String terms = profile != null && profile.termsOfServiceUrl() != null ? profile.termsOfServiceUrl() : brand.termsOfServiceUrl();
    String privacy = profile != null && profile.privacyPolicyUrl() != null ? profile.privacyPolicyUrl() : brand.privacyPolicyUrl();

    StringBuilder body = new StringBuilder();
    body.append("<a class=\"skip-link\" href=\"#main\">").append(Html.escape(m.get("a11y.skip_to_content"))).append("</a>");
    if (!s.livemode()) {
      // A labelled landmark, so screen readers can find it and nothing on the page sits outside one.
      body.append("<aside class=\"test-mode\" aria-label=\"").append(Html.escape(m.get("app.test_mode"))).append("\"><strong>")
          .append(Html.escape(m.get("app.test_mode"))).append("</strong> ").append(Html.escape(m.get("app.test_mode_notice"))).append("</aside>");
    }
    body.append("<div class=\"layout\"><header class=\"brand\">");
    if (s.returnUrl() != null) {
      body.append("<a class=\"return-link\" href=\"").append(Html.escape(s.returnUrl())).append("\"><span aria-hidden=\"true\">← </span>")
          .append(Html.escape(m.get("nav.return_to", Map.of("business", business)))).append("</a>");
    }
    body.append(identity(brand, business, m));
    body.append("<p class=\"headline\">").append(Html.escape(headline)).append("</p>");
    body.append("</header><main id=\"main\" tabindex=\"-1\"><p class=\"loading\" role=\"status\">").append(Html.escape(m.get("a11y.loading")))
        .append("</p><noscript><p class=\"alert error\">")
        .append(Html.escape(m.get("app.javascript_required"))).append("</p></noscript></main>");
    body.append(footer(terms, privacy, m));
    body.append("</div>");

    Map<String, Object> boot = new LinkedHashMap<>();
    boot.put("locale", m.tag());
    boot.put("business", business);
    boot.put("terms_url", terms);
    boot.put("privacy_url", privacy);
    boot.put("return_url", s.returnUrl());
    String data = "<script type=\"application/json\" id=\"portal-boot\">" + scriptSafe(Json.write(boot)) + "</script>"
        + "<script type=\"application/json\" id=\"portal-messages\">"
        + messagesJson.computeIfAbsent(m.tag(), t -> scriptSafe(Json.write(m.forScript()))) + "</script>";
    String head = "<script src=\"" + assets.href(baseUrl, "portal.js") + "\" defer></script>";
    return page(200, business + " – " + m.get("app.title"), head, body + data, m, brand, baseUrl, PortalHome.frameAncestors(a.configuration()));
  }

  /** A page without the portal (an expired link): the frame with a message, branded when the merchant is known. */
  public ApiResponse notice(int status, String title, String mainHtml, Messages m, Account merchant, String baseUrl) {
    String business = merchant == null ? null : PortalPageService.businessName(merchant);
    String body = "<div class=\"layout\"><header class=\"brand\">" + (merchant == null ? "" : identity(merchant, business, m))
        + "</header><main id=\"main\" class=\"notice\">" + mainHtml + "</main>"
        + (merchant == null ? "" : footer(merchant.termsOfServiceUrl(), merchant.privacyPolicyUrl(), m)) + "</div>";
    return page(status, title, "", body, m, merchant, baseUrl, "'none'");
  }

  private static String identity(Account brand, String business, Messages m) {
    Account.Branding b = brand.branding();
    String image = b == null ? null : safeImage(b.logo()) != null ? safeImage(b.logo()) : safeImage(b.icon());
    StringBuilder out = new StringBuilder("<div class=\"identity\">");
    if (image != null) {
      out.append("<img class=\"logo\" src=\"").append(Html.escape(image)).append("\" alt=\"")
          .append(Html.escape(m.get("a11y.logo", Map.of("business", business)))).append("\">");
    } else {
      out.append("<span class=\"monogram\" aria-hidden=\"true\">").append(Html.escape(monogram(business))).append("</span>");
    }
    return out.append("<span class=\"business-name\">").append(Html.escape(business)).append("</span></div>").toString();
  }

  private static String footer(String terms, String privacy, Messages m) {
    StringBuilder out = new StringBuilder("<footer class=\"site-footer\"><nav aria-label=\"")
        .append(Html.escape(m.get("app.title"))).append("\"><ul>");
    if (terms != null) out.append("<li><a href=\"").append(Html.escape(terms)).append("\">").append(Html.escape(m.get("app.terms"))).append("</a></li>");
    if (privacy != null) out.append("<li><a href=\"").append(Html.escape(privacy)).append("\">").append(Html.escape(m.get("app.privacy"))).append("</a></li>");
    return out.append("</ul></nav><p class=\"powered\">").append(Html.escape(m.get("app.powered_by"))).append("</p></footer>").toString();
  }

  private ApiResponse page(int status, String title, String head, String body, Messages m, Account brand, String baseUrl, String frameAncestors) {
    Account.Branding b = brand == null ? null : brand.branding();
    String style = b == null ? BrandStyle.of(null, null, null, null).css()
        : BrandStyle.of(b.backgroundColor(), b.buttonColor(), b.font(), b.cornerShape()).css();
    String html = "<!doctype html><html lang=\"" + Html.escape(m.tag()) + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><link rel=\"icon\" href=\"data:,\">"
        + "<title>" + Html.escape(title) + "</title>"
        + "<link rel=\"stylesheet\" href=\"" + assets.href(baseUrl, "portal.css") + "\"><style>" + style + "</style>" + head
        + "</head><body>" + body + "</body></html>";
    ApiResponse r = ApiResponse.html(status, html)
        .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-" + sha256(style) + "'; "
            + "img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors " + frameAncestors)
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .header("Content-Language", m.tag());
    // HSTS only means something over https (browsers ignore it on http, and it must not pin localhost).
    if (baseUrl != null && baseUrl.startsWith("https://")) r = r.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return r;
  }

  /** An image URL the page may show: https, or http on this machine for local development. */
  static String safeImage(String url) {
    if (url == null) return null;
    if (url.startsWith("https://") || url.startsWith("http://localhost") || url.startsWith("http://127.0.0.1")) return url;
    return null;
  }

  private static String monogram(String business) {
    return business.isBlank() ? "?" : new String(Character.toChars(Character.toUpperCase(business.strip().codePointAt(0))));
  }

  /** JSON placed in a script element: no {@code </script>} or {@code <!--} can end or confuse it. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
