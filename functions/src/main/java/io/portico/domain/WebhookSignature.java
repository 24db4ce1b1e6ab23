package io.portico.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<payload>" keyed by the endpoint's whsec_ secret>}, which Stripe's libraries verify
 * ({@code Webhook.constructEvent}).
 */
public final class WebhookSignature {
  public static final String HEADER = "Stripe-Signature";

  private WebhookSignature() {}

  public static String header(String payload, String secret, long timestamp) {
    return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + payload);
  }

  static String hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A new signing secret: {@code whsec_} and 32 random base-62 characters (about 190 bits). */
  public static String newSecret() {
    return "whsec_" + Ids.random(32);
  }
}
