package io.portico.portal;

import io.portico.api.ApiResponse;
import io.portico.domain.Account;
import io.portico.domain.PortalSession;
import io.portico.service.Html;
import io.portico.store.SessionRepository.PortalAccess;
import io.portico.store.SessionRepository.StoredSession;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * The hosted portal's pages. A session link ({@code /p/session/<token>}) is opened once: it sets
 * the portal cookie and redirects to {@code /p/portal}, so the token leaves the address bar and
 * history at once. The same browser opening its link again just goes back in; any other gets the
 * expired page, with the way back to the merchant when the session had a return URL.
 */
@Singleton
public class PortalPageService {
  public static final String HOME_PATH = "/p/portal";

  private final PortalAccessService access;
  private final Clock clock;

  public PortalPageService(PortalAccessService access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  /** {@code GET /p/session/{token}}. */
  public ApiResponse openLink(String token, String cookieHeader, String baseUrl) {
    Instant now = clock.instant();
    StoredSession link = access.link(token);
    if (link != null && link.used()) {
      String cookie = PortalApi.cookie(cookieHeader);
      PortalAccess mine = cookie == null ? null : access.authenticate(cookie, now);
      if (mine != null && mine.session().id().equals(link.session().id())) return redirect(baseUrl + HOME_PATH);
    }
    try {
      PortalAccessService.Exchanged exchanged = access.exchange(token, now, a -> { });
      return redirect(baseUrl + HOME_PATH).header("Set-Cookie", cookie(exchanged.credential(), baseUrl));
    } catch (PortalAccessService.LinkRefused refused) {
      return expired(refused.merchant(), refused.session(), refused.used());
    }
  }

  /** {@code GET /p/portal}: the portal itself, for the browser holding the session's cookie. */
  public ApiResponse home(String cookieHeader) {
    String cookie = PortalApi.cookie(cookieHeader);
    PortalAccess session = cookie == null ? null : access.authenticate(cookie, clock.instant());
    if (session == null) return expired(null, null, false);
    PortalSession s = session.session();
    String business = businessName(session.brand());
    StringBuilder body = new StringBuilder()
        .append("<h1>").append(Html.escape(business)).append("</h1>")
        .append("<p>Billing portal for <strong>").append(Html.escape(s.customer())).append("</strong></p>");
    if (s.returnUrl() != null) {
      body.append("<p><a href=\"").append(Html.escape(s.returnUrl())).append("\">Return to ").append(Html.escape(business)).append("</a></p>");
    }
    return page(200, business, body.toString(), PortalHome.frameAncestors(session.configuration()));
  }

  /**
   * The portal cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's request
   * carries it), Secure unless the portal is served over plain http away from this machine, and
   * scoped to the portal's paths. It lasts for the browser session; the server decides expiry.
   */
  static String cookie(String credential, String baseUrl) {
    URI base = URI.create(baseUrl);
    String path = (base.getPath() == null ? "" : base.getPath().replaceAll("/$", "")) + "/p";
    boolean loopback = "localhost".equals(base.getHost()) || "127.0.0.1".equals(base.getHost());
    boolean secure = "https".equals(base.getScheme()) || loopback;
    return PortalApi.COOKIE + "=" + credential + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  private static ApiResponse redirect(String location) {
    return new ApiResponse(303, "", "text/plain", new java.util.LinkedHashMap<>()).header("Location", location)
        .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store");
  }

  private static ApiResponse expired(Account merchant, PortalSession session, boolean used) {
    StringBuilder body = new StringBuilder(used ? "<h1>This link was already used</h1>" : "<h1>This link has expired</h1>")
        .append("<p>For your security, billing portal links work once and for a short time only. Please return to the site you came"
            + " from and open the portal again.</p>");
    if (session != null && session.returnUrl() != null) {
      body.append("<p><a href=\"").append(Html.escape(session.returnUrl())).append("\">Return to ")
          .append(Html.escape(businessName(merchant))).append("</a></p>");
    }
    return page(401, "Session expired", body.toString(), "'none'");
  }

  static String businessName(Account account) {
    return account == null || account.businessName() == null ? "Billing" : account.businessName();
  }

  private static ApiResponse page(int status, String title, String body, String frameAncestors) {
    String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + "</title></head><body>"
        + "<main>" + body + "</main></body></html>";
    return ApiResponse.html(status, html)
        .header("Content-Security-Policy", "default-src 'none'; frame-ancestors " + frameAncestors)
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
  }
}
