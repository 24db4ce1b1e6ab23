package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Scope;

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

  /** Newest first; {@code active} and {@code isDefault} (each may be null) filter. */
  ListPage<PortalConfiguration> list(Scope scope, Boolean active, Boolean isDefault, ListRequest request);
}
