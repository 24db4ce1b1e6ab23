package io.portico.service;

import io.portico.domain.Account;
import io.portico.domain.Scope;
import io.portico.error.ApiError;
import io.portico.store.AccountRepository;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Recognises a merchant from its secret key: {@code Authorization: Bearer sk_…} or HTTP Basic with the key as user name.
 *
 * <p>A recognised key is remembered for {@link #CACHE_SECONDS} (per function instance, at most
 * {@link #CACHE_ENTRIES} keys): a warm function answers a merchant's next requests without the two
 * reads (key, account) every request otherwise starts with. Unknown keys are never remembered, so a
 * new key works at once; an account's details may show up to that long late.
 */
@Singleton
public class Authenticator {
  /** {@code replaySeal}: seals this caller's stored idempotent responses with a key only its secret key yields. */
  public record Caller(Account account, Scope scope, ReplaySeal replaySeal) {}

  static final long CACHE_SECONDS = 30;
  static final int CACHE_ENTRIES = 1000;

  private record Remembered(Caller caller, long expiresAtNanos) {}

  private final AccountRepository accounts;
  private final Map<String, Remembered> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  public Authenticator(AccountRepository accounts) {
    this.accounts = accounts;
  }

  public Caller authenticate(String authorization) {
    String key = keyFrom(authorization);
    if (key.startsWith("pk_")) {
      throw ApiError.unauthorized("This API call cannot be made with a publishable API key. Please use a secret API key.");
    }
    if (!key.startsWith("sk_test_") && !key.startsWith("sk_live_")) {
      throw ApiError.unauthorized("Invalid API Key provided: " + SecretKeys.redact(key));
    }
    String hash = SecretKeys.sha256(key);
    long now = System.nanoTime();
    synchronized (recent) {
      Remembered r = recent.get(hash);
      if (r != null && now - r.expiresAtNanos() < 0) return r.caller();
    }
    AccountRepository.ApiKey stored = accounts.findKey(hash);
    Account account = stored == null ? null : accounts.find(stored.accountId());
    if (account == null) throw ApiError.unauthorized("Invalid API Key provided: " + SecretKeys.redact(key));
    Caller caller = new Caller(account, new Scope(account.id(), stored.livemode()), ReplaySeal.forSecretKey(key));
    synchronized (recent) {
      recent.put(hash, new Remembered(caller, now + TimeUnit.SECONDS.toNanos(CACHE_SECONDS)));
    }
    return caller;
  }

  private static String keyFrom(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiError.unauthorized("You did not provide an API key. You need to provide your API key in the Authorization header,"
          + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
    }
    String a = authorization.trim();
    if (a.regionMatches(true, 0, "Bearer ", 0, 7)) return a.substring(7).trim();
    if (a.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(a.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.unauthorized("Invalid Basic authorization header: it is not base64. Send your secret key as the user name.");
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    }
    throw ApiError.unauthorized("Invalid Authorization header. Use 'Authorization: Bearer YOUR_SECRET_KEY'.");
  }
}
