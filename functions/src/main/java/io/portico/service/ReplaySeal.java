package io.portico.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the responses kept for Idempotency-Key replays (AES-256-GCM) and fingerprints the requests
 * they answer (HMAC-SHA256). Both keys are derived from the merchant's secret API key, which the
 * database holds only as a hash: a replay can be opened by whoever presents that key again, not by
 * someone reading the table. This matters because a session's response carries its link token,
 * and because a request may carry a card number: a plain hash of a body holding one could be
 * reversed by trying every number.
 */
public final class ReplaySeal {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;
  private final SecretKeySpec fingerprintKey;

  private ReplaySeal(byte[] key, byte[] fingerprintKey) {
    this.key = new SecretKeySpec(key, "AES");
    this.fingerprintKey = new SecretKeySpec(fingerprintKey, "HmacSHA256");
  }

  public static ReplaySeal forSecretKey(String secretKey) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] k = sha256.digest(("portico idempotent replay\n" + secretKey).getBytes(StandardCharsets.UTF_8));
      byte[] f = sha256.digest(("portico idempotent request fingerprint\n" + secretKey).getBytes(StandardCharsets.UTF_8));
      return new ReplaySeal(k, f);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A keyed fingerprint of a request (same request, same fingerprint), which reveals nothing of it without the secret key. */
  public String fingerprint(String request) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(fingerprintKey);
      return HexFormat.of().formatHex(mac.doFinal(request.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain text, or null when it was sealed under another key (the merchant rolled its key). */
  public String open(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
