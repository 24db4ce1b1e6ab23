package io.portico.portal;

import io.portico.domain.Account;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.error.ApiError;
import io.portico.service.SecretKeys;
import io.portico.store.AccountRepository;
import io.portico.store.ConfigurationRepository;
import io.portico.store.SessionRepository;
import io.portico.store.SessionRepository.PortalAccess;
import io.portico.store.SessionRepository.StoredSession;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The session handshake: a session link works once, and is exchanged for a portal credential (the
 * hosted page's cookie, or a bearer token for the merchant's own front-end) that authorises every
 * later call and slides the session's expiry. A link that leaked after use (browser history, a
 * forwarded email) opens nothing.
 */
@Singleton
public class PortalAccessService {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionRepository sessions;
  private final AccountRepository accounts;
  private final ConfigurationRepository configurations;

  public PortalAccessService(SessionRepository sessions, AccountRepository accounts, ConfigurationRepository configurations) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.configurations = configurations;
  }

  /** A credential and what it opens. */
  public record Exchanged(String credential, PortalAccess access) {}

  /** Why a link opens nothing, with what the expired page can still show (the way back to the merchant). */
  public static final class LinkRefused extends RuntimeException {
    private final transient StoredSession link;
    private final transient Account merchant;
    private final boolean used;

    LinkRefused(StoredSession link, Account merchant, boolean used) {
      super(used ? "link already used" : "link expired or unknown", null, false, false);
      this.link = link;
      this.merchant = merchant;
      this.used = used;
    }

    public PortalSession session() { return link == null ? null : link.session(); }

    public Account merchant() { return merchant; }

    public boolean used() { return used; }

    /** As the portal API answers it: 401, so a front-end knows to ask its server for a new session. */
    public ApiError asApiError() {
      return new ApiError(401, ApiError.INVALID_REQUEST, used ? "portal_link_used" : "portal_session_expired", "link", used
          ? "This portal link was already opened. Links work once: ask for a new portal session."
          : "This portal link has expired or is not valid. Ask for a new portal session.");
    }
  }

  /** The link's session, if the link is known (used or not, expired or not): for a browser that opens its own link again. */
  public StoredSession link(String linkToken) {
    return validToken(linkToken) ? sessions.find(SecretKeys.sha256(linkToken)) : null;
  }

  /**
   * Exchanges a link token for a new credential. {@code vet} sees the access before the link is
   * spent (the API checks the caller's origin against the configuration there), so a refused
   * caller does not burn the customer's link.
   */
  public Exchanged exchange(String linkToken, Instant now, Consumer<PortalAccess> vet) {
    StoredSession link = link(linkToken);
    if (link == null) throw new LinkRefused(null, null, false);
    Account merchant = accounts.find(link.scope().accountId());
    if (link.used()) throw new LinkRefused(link, merchant, true);
    if (link.lifetime().isExpired(now) || merchant == null) throw new LinkRefused(link, merchant, false);
    PortalSession session = link.session();
    String configurationId = session.configuration() instanceof String id ? id : null;
    Versioned<PortalConfiguration> configuration = configurationId == null ? null : configurations.find(link.scope(), configurationId);
    if (configuration == null) throw new LinkRefused(link, merchant, false); // removed since: nothing left to show
    String credential = newSecret();
    PortalAccess access = new PortalAccess(SecretKeys.sha256(credential), link.scope(), session, link.lifetime().touchedAt(now), merchant,
        brand(merchant, session), configuration.value());
    vet.accept(access);
    if (!sessions.exchange(link, access, now)) throw new LinkRefused(link, merchant, true); // another tab won the race
    return new Exchanged(credential, access);
  }

  /** What a credential opens now, its expiry slid; null when unknown or expired. */
  public PortalAccess authenticate(String credential, Instant now) {
    return validToken(credential) ? sessions.touch(SecretKeys.sha256(credential), now) : null;
  }

  /** {@code POST /p/api/session/end}: the credential stops working now (signing out on a shared computer). */
  public io.portico.api.ApiResponse end(PortalRequest req) {
    req.params().rejectUnknown();
    sessions.end(req.access().credentialHash());
    PortalSession s = req.session();
    return io.portico.api.ApiResponse.ok(java.util.Map.of("object", "billing_portal.credential", "session", s.id(), "ended", true,
        "return_url", s.returnUrl() == null ? "" : s.returnUrl()));
  }

  /**
   * The token the hosted page sends with every change (header {@code X-CSRF-Token} or field
   * {@code csrf_token}): derived from the HttpOnly cookie, which another site's script cannot read.
   */
  public static String csrfToken(String credential) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("portico-csrf\n" + credential).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean sameSecret(String a, String b) {
    return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Seed: a session created {@code on_behalf_of} a connected account wears that account's brand, when we know it. */
  private Account brand(Account merchant, PortalSession session) {
    if (session.onBehalfOf() == null) return merchant;
    Account connected = accounts.find(session.onBehalfOf());
    return connected != null ? connected : merchant;
  }

  /** 256 random bits, URL-safe. */
  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean validToken(String token) {
    return token != null && !token.isEmpty() && token.length() <= 200;
  }
}
