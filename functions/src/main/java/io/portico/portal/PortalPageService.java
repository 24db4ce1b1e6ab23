package io.portico.portal;

import io.portico.api.ApiResponse;
import io.portico.domain.Account;
import io.portico.domain.PortalSession;
import io.portico.i18n.Messages;
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

  private static final int EXPIRED = 0;
  private static final int USED = 1;
  private static final int TIMED_OUT = 2;
  private final PortalAccessService access;
  private final PortalShell shell;
  private final PortalAssets assets;
  private final Clock clock;

  public PortalPageService(PortalAccessService access, PortalShell shell, PortalAssets assets, Clock clock) {
    this.access = access;
    this.shell = shell;
    this.assets = assets;
    this.clock = clock;
  }

  /** {@code GET /p/session/{token}}. */
  public ApiResponse openLink(String token, String cookieHeader, String acceptLanguage, String baseUrl) {
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
      PortalSession s = refused.session();
      return expired(refused.merchant(), s, refused.used() ? USED : EXPIRED, Messages.negotiate(s == null ? null : s.locale(), acceptLanguage),
          baseUrl);
    }
  }

  /**
   * {@code GET /p/portal}: the portal itself, for the browser holding the session's cookie. The
   * page frame (branding, header, footer) is rendered here, in the session's language; the script
   * fills the main area from the portal API and routes between its views by the URL's fragment.
   */
  public ApiResponse home(String cookieHeader, String acceptLanguage, String baseUrl) {
    String cookie = PortalApi.cookie(cookieHeader);
    PortalAccess session = cookie == null ? null : access.authenticate(cookie, clock.instant());
    if (session == null) return expired(null, null, TIMED_OUT, Messages.negotiate(null, acceptLanguage), baseUrl);
    PortalSession s = session.session();
    Messages m = Messages.negotiate(s.locale(), acceptLanguage);
    return shell.render(session, m, baseUrl);
  }

  /** {@code GET /p/assets/{file}}. */
  public ApiResponse asset(String file, String version, String ifNoneMatch) {
    return assets.serve(file, version, ifNoneMatch);
  }

  /**
   * The portal cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's request
   * carries it), Secure unless the portal is served over plain http away from this machine, and
   * scoped to the portal's paths. It lasts for the browser session; the server decides expiry.
   */
  static String cookie(String credential, String baseUrl) {
    URI base = URI.create(baseUrl);
    String path = basePath(baseUrl) + "/p";
    boolean loopback = "localhost".equals(base.getHost()) || "127.0.0.1".equals(base.getHost());
    boolean secure = "https".equals(base.getScheme()) || loopback;
    return PortalApi.COOKIE + "=" + credential + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  private static ApiResponse redirect(String location) {
    return new ApiResponse(303, "", "text/plain", new java.util.LinkedHashMap<>()).header("Location", location)
        .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store");
  }

  /**
   * The page for a link that no longer opens the portal (expired, already used, or a session that
   * timed out), in the session's language when it is known: it says why and, when the session had a
   * return URL, offers the way back to the merchant.
   */
  private ApiResponse expired(Account merchant, PortalSession session, int kind, Messages m, String baseUrl) {
    String title = m.get(kind == USED ? "session.used.title" : kind == TIMED_OUT ? "session.timed_out.title" : "session.expired.title");
    String text = m.get(kind == TIMED_OUT ? "session.timed_out.body" : "session.link.body");
    StringBuilder body = new StringBuilder("<h1>").append(Html.escape(title)).append("</h1><p>").append(Html.escape(text)).append("</p>");
    if (session != null && session.returnUrl() != null) {
      body.append("<p><a class=\"button\" href=\"").append(Html.escape(session.returnUrl())).append("\">")
          .append(Html.escape(m.get("nav.return_to", java.util.Map.of("business", businessName(merchant))))).append("</a></p>");
    }
    return shell.notice(401, title, body.toString(), m, merchant, baseUrl);
  }

  /** The API's base path ("" or the stage's "/api"), without a trailing slash: the portal's paths start below it. */
  static String basePath(String baseUrl) {
    String path = baseUrl == null ? null : URI.create(baseUrl).getPath();
    return path == null ? "" : path.replaceAll("/+$", "");
  }

  static String businessName(Account account) {
    return account == null || account.businessName() == null ? "Billing" : account.businessName();
  }
}
