package io.portico.service;

import io.portico.api.ApiResponse;
import io.portico.domain.Account;
import io.portico.domain.Customer;
import io.portico.domain.PortalSession;
import io.portico.store.AccountRepository;
import io.portico.store.CustomerRepository;
import io.portico.store.SessionRepository;
import io.portico.store.SessionRepository.StoredSession;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The hosted page a session link opens. Opening records activity (the first open starts the
 * one-hour sliding lifetime); an expired or unknown link gets a page that says so, with the way
 * back to the merchant when the session had a return URL.
 */
@Singleton
public class PortalPageService {
  private final SessionRepository sessions;
  private final AccountRepository accounts;
  private final CustomerRepository customers;
  private final Clock clock;

  public PortalPageService(SessionRepository sessions, AccountRepository accounts, CustomerRepository customers, Clock clock) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.customers = customers;
    this.clock = clock;
  }

  public ApiResponse open(String token) {
    Instant now = clock.instant();
    StoredSession stored = token == null || token.length() > 200 ? null : sessions.find(SecretKeys.sha256(token));
    if (stored == null) return expired(null, null);
    Account account = accounts.find(stored.scope().accountId());
    if (stored.lifetime().isExpired(now) || !sessions.touch(stored, now)) return expired(account, stored.session());
    PortalSession s = stored.session();
    Versioned<Customer> customer = customers.find(stored.scope(), s.customer());
    String business = businessName(account, s);
    String who = customer == null || customer.deleted() ? s.customer()
        : customer.value().name() != null ? customer.value().name() : customer.value().email() != null ? customer.value().email() : s.customer();
    StringBuilder body = new StringBuilder()
        .append("<h1>").append(Html.escape(business)).append("</h1>")
        .append("<p>Billing portal for <strong>").append(Html.escape(who)).append("</strong></p>");
    if (s.returnUrl() != null) {
      body.append("<p><a href=\"").append(Html.escape(s.returnUrl())).append("\">Return to ").append(Html.escape(business)).append("</a></p>");
    }
    return page(200, business, body.toString());
  }

  private static ApiResponse expired(Account account, PortalSession session) {
    StringBuilder body = new StringBuilder("<h1>This link has expired</h1>")
        .append("<p>For your security, billing portal links work for a short time only. Please return to the site you came from and open the portal again.</p>");
    if (session != null && session.returnUrl() != null) {
      body.append("<p><a href=\"").append(Html.escape(session.returnUrl())).append("\">Return to ")
          .append(Html.escape(businessName(account, session))).append("</a></p>");
    }
    return page(401, "Session expired", body.toString());
  }

  private static String businessName(Account account, PortalSession session) {
    return account == null || account.businessName() == null ? "Billing" : account.businessName();
  }

  private static ApiResponse page(int status, String title, String body) {
    String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + "</title></head><body>"
        + "<main>" + body + "</main></body></html>";
    return ApiResponse.html(status, html)
        .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
  }
}
