package io.portico.bench.cold;

/** The cold-start baseline: a fresh JVM running {@link PlainSessionsHandler} once. Same arguments as {@link ColdSession}. */
public final class ColdPlain {
  private ColdPlain() {}

  public static void main(String[] args) {
    var response = new PlainSessionsHandler().handleRequest(ColdEvents.session(args), new ColdContext("PlainSessions"));
    ColdContext.done(response.getStatusCode(), response.getBody());
  }
}
