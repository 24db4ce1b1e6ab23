package io.portico.store;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Table names, from configuration: {@code template.yaml} sets PORTICO_TABLES_BILLING and
 * PORTICO_TABLES_SESSIONS on every function; the local stack sets the same properties.
 */
@ConfigurationProperties("portico.tables")
public class TableNames {
  private String billing = "BillingTable";
  private String sessions = "SessionsTable";

  public String billing() { return billing; }
  public String sessions() { return sessions; }
  public void setBilling(String billing) { this.billing = billing; }
  public void setSessions(String sessions) { this.sessions = sessions; }
}
