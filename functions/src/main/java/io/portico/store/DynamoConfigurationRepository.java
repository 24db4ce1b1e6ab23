package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

@Singleton
public class DynamoConfigurationRepository extends DynamoObjects<PortalConfiguration> implements ConfigurationRepository {
  public DynamoConfigurationRepository(BillingTable table) {
    super(table, PortalConfiguration.OBJECT, PortalConfiguration.class);
  }

  @Override
  protected String id(PortalConfiguration c) {
    return c.id();
  }

  @Override
  public Versioned<PortalConfiguration> findDefault(Scope scope) {
    EnhancedDocument marker = table.get(TableLayout.defaultConfigurationPk(scope.key()));
    return marker == null ? null : find(scope, marker.getString("configuration"));
  }

  @Override
  public boolean insertDefault(Scope scope, PortalConfiguration c, long createdMs, Event event) {
    EnhancedDocument marker = EnhancedDocument.builder()
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.defaultConfigurationPk(scope.key()))
        .putString(TableLayout.KIND, "default_configuration")
        .putString(TableLayout.SCOPE, scope.key())
        .putString("configuration", c.id())
        .build();
    try {
      table.write(List.of(Write.insert(marker), Write.insert(item(scope, c, createdMs, 1)), EventItems.insert(scope, event)));
      return true;
    } catch (ConcurrentUpdateException lostRace) {
      return false;
    }
  }

  @Override
  public List<Write> stillCurrent(Scope scope, Versioned<PortalConfiguration> read) {
    return List.of(Write.unchanged(read.value().id(), read.version()));
  }

  @Override
  public ListPage<PortalConfiguration> list(Scope scope, Boolean active, Boolean isDefault, ListRequest request) {
    // An account has a handful of configurations: filtering its list partition reads little.
    return listAll(scope, request, new DataFilter().eq("active", active).eq("is_default", isDefault).build());
  }
}
