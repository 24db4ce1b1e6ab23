package io.portico.store;

import jakarta.inject.Singleton;

/** Hands services a new unit of work when one request changes several objects together. */
@Singleton
public class Transactions {
  private final BillingTable table;

  public Transactions(BillingTable table) {
    this.table = table;
  }

  public Changes begin() {
    return table.changes();
  }
}
