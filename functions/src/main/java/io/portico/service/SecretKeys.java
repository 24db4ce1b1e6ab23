package io.portico.service;

import io.portico.domain.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Secret API keys ({@code sk_test_…}, {@code sk_live_…}) and link tokens are stored only as SHA-256 hashes. */
public final class SecretKeys {
  private SecretKeys() {}

  public static String newSecretKey(boolean livemode) {
    return (livemode ? "sk_live_" : "sk_test_") + Ids.random(48);
  }

  public static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How a key is shown back in errors: its prefix and last four characters. */
  public static String redact(String key) {
    if (key.length() <= 12) return "****";
    int prefix = key.startsWith("sk_test_") || key.startsWith("sk_live_") ? 8 : 3;
    return key.substring(0, prefix) + "*".repeat(Math.max(4, key.length() - prefix - 4)) + key.substring(key.length() - 4);
  }
}
