package io.portico.domain;

/**
 * Whose data a request sees: one account, in test or live mode. Test and live objects never mix,
 * as in Stripe; every stored object carries its scope and every read checks it.
 */
public record Scope(String accountId, boolean livemode) {
  public String key() {
    return accountId + (livemode ? ":live" : ":test");
  }
}
