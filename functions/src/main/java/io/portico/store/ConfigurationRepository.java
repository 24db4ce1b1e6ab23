package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Scope;
import java.util.List;

public interface ConfigurationRepository {
  Versioned<PortalConfiguration> find(Scope scope, String id);

  /** The account's default configuration in this mode, or null before the first one exists. */
  Versioned<PortalConfiguration> findDefault(Scope scope);

  void insert(Scope scope, PortalConfiguration configuration, long createdMs, Event event);

  /**
   * Inserts {@code configuration} as the default. Returns false (writing nothing) when another
   * request made a default first: there is exactly one default per account and mode.
   */
  boolean insertDefault(Scope scope, PortalConfiguration configuration, long createdMs, Event event);

  void replace(Scope scope, Versioned<PortalConfiguration> previous, PortalConfiguration configuration, Event event);

  /**
   * Conditions for a transaction that relies on {@code read} (e.g. a remembered copy): it is still at
   * its version. Which configuration is the default needs no check: the first default stays the
   * default (is_default is read-only, as in Stripe, and a default cannot be deactivated).
   */
  List<Write> stillCurrent(Scope scope, Versioned<PortalConfiguration> read);

  /** Newest first; {@code active} and {@code isDefault} (each may be null) filter. */
  ListPage<PortalConfiguration> list(Scope scope, Boolean active, Boolean isDefault, ListRequest request);
}
