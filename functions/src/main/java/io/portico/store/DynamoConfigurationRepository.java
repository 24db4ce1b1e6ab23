package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoConfigurationRepository implements ConfigurationRepository {
  private static final String KIND = PortalConfiguration.OBJECT;
  private final BillingTable table;

  public DynamoConfigurationRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public Versioned<PortalConfiguration> find(Scope scope, String id) {
    return table.find(scope, KIND, id, PortalConfiguration.class);
  }

  @Override
  public Versioned<PortalConfiguration> findDefault(Scope scope) {
    EnhancedDocument marker = table.get(TableLayout.defaultConfigurationPk(scope.key()));
    return marker == null ? null : find(scope, marker.getString("configuration"));
  }

  @Override
  public void insert(Scope scope, PortalConfiguration c, long createdMs, Event event) {
    table.write(List.of(Write.insert(item(scope, c, createdMs, 1)), EventItems.insert(scope, event)));
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
  public void replace(Scope scope, Versioned<PortalConfiguration> previous, PortalConfiguration c, Event event) {
    table.write(List.of(Write.replace(item(scope, c, previous.createdMs(), previous.version() + 1), previous.version()),
        EventItems.insert(scope, event)));
  }

  @Override
  public ListPage<PortalConfiguration> list(Scope scope, Boolean active, Boolean isDefault, ListRequest request) {
    List<String> conditions = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    if (active != null) {
      conditions.add("#d.#active = :active");
      names.put("#active", "active");
      values.put(":active", AttributeValue.fromBool(active));
    }
    if (isDefault != null) {
      conditions.add("#d.#is_default = :is_default");
      names.put("#is_default", "is_default");
      values.put(":is_default", AttributeValue.fromBool(isDefault));
    }
    Expression filter = null;
    if (!conditions.isEmpty()) {
      names.put("#d", TableLayout.DATA);
      filter = Expression.builder().expression(String.join(" AND ", conditions)).expressionNames(names).expressionValues(values).build();
    }
    // An account has a handful of configurations: filtering its list partition reads little.
    return table.list(scope, KIND, TableLayout.BY_LIST, TableLayout.listPk(scope.key(), KIND), request, filter, PortalConfiguration.class);
  }

  private static EnhancedDocument item(Scope scope, PortalConfiguration c, long createdMs, long version) {
    return BillingTable.objectItem(scope, KIND, c.id(), createdMs, version, c).build();
  }
}
