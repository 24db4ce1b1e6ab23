package io.portico.service;

import io.portico.domain.Account;
import io.portico.domain.Scope;
import io.portico.error.ApiError;
import io.portico.store.AccountRepository;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Recognises a merchant from its secret key: {@code Authorization: Bearer sk_…} or HTTP Basic with the key as user name. */
@Singleton
public class Authenticator {
  /** {@code replaySeal}: seals this caller's stored idempotent responses with a key only its secret key yields. */
  public record Caller(Account account, Scope scope, ReplaySeal replaySeal) {}

  private final AccountRepository accounts;

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
    AccountRepository.ApiKey stored = accounts.findKey(SecretKeys.sha256(key));
    Account account = stored == null ? null : accounts.find(stored.accountId());
    if (account == null) throw ApiError.unauthorized("Invalid API Key provided: " + SecretKeys.redact(key));
    return new Caller(account, new Scope(account.id(), stored.livemode()), ReplaySeal.forSecretKey(key));
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
