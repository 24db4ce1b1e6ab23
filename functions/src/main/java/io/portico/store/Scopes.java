package io.portico.store;

import io.portico.domain.Scope;

/** Reading back the {@code scope} attribute ({@code acct_…:test} or {@code acct_…:live}). */
final class Scopes {
  private Scopes() {}

  static Scope parse(String key) {
    int colon = key.lastIndexOf(':');
    return new Scope(key.substring(0, colon), key.endsWith(":live"));
  }
}
