package io.portico.domain;

import java.security.SecureRandom;

/** Stripe-shaped identifiers: a prefix and 24 random base-62 characters (about 143 bits). */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  public static String newId(String prefix) {
    return prefix + "_" + random(24);
  }

  public static String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    return new String(out);
  }

  public static boolean hasPrefix(String id, String prefix) {
    return id != null && id.startsWith(prefix + "_") && id.length() > prefix.length() + 1;
  }
}
