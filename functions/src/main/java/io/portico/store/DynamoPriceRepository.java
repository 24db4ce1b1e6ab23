package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Price;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Prices are listed per product through {@value TableLayout#BY_LOOKUP}; lookup keys are held by
 * marker items {@code price_lookup_key#<scope>#<key>} written in the price's transaction.
 */
@Singleton
public class DynamoPriceRepository extends DynamoObjects<Price> implements PriceRepository {
  public DynamoPriceRepository(BillingTable table) {
    super(table, Price.OBJECT, Price.class);
  }

  @Override
  protected String id(Price p) {
    return p.id();
  }

  @Override
  protected void decorate(Scope scope, Price p, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "product", p.productId()));
  }

  @Override
  public void stageInsert(Changes changes, Scope scope, Price price, long createdMs, Event event) {
    super.stageInsert(changes, scope, price, createdMs, event);
    if (price.lookupKey() != null) changes.claim(marker(scope, price));
  }

  @Override
  public void stageReplace(Changes changes, Scope scope, Versioned<Price> previous, Price price, Event event) {
    super.stageReplace(changes, scope, previous, price, event);
    String oldKey = previous.value().lookupKey();
    if (Objects.equals(oldKey, price.lookupKey())) return;
    if (price.lookupKey() != null) changes.claim(marker(scope, price));
    if (oldKey != null) changes.add(Write.delete(TableLayout.priceLookupKeyPk(scope.key(), oldKey)));
  }

  @Override
  public void stageReleaseLookupKey(Changes changes, Scope scope, Versioned<Price> holder, Event event) {
    Price p = holder.value();
    Price released = p.with(p.active(), null, p.metadata(), p.nickname(), p.taxBehavior());
    super.stageReplace(changes, scope, holder, released, event);
    changes.released(TableLayout.priceLookupKeyPk(scope.key(), p.lookupKey()));
  }

  @Override
  public Versioned<Price> findByLookupKey(Scope scope, String lookupKey) {
    EnhancedDocument marker = table.get(TableLayout.priceLookupKeyPk(scope.key(), lookupKey));
    return marker == null ? null : find(scope, marker.getString("price"));
  }

  @Override
  public ListPage<Price> list(Scope scope, String product, Boolean active, String type, String currency, String interval, String usageType,
      ListRequest request) {
    var filter = new DataFilter().eq("active", active).eq("type", type).eq("currency", currency).eq("recurring.interval", interval)
        .eq("recurring.usage_type", usageType).build();
    return product != null ? listByLookup(scope, "product", product, request, filter) : listAll(scope, request, filter);
  }

  private static EnhancedDocument marker(Scope scope, Price price) {
    return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.priceLookupKeyPk(scope.key(), price.lookupKey()))
        .putString(TableLayout.KIND, "price_lookup_key")
        .putString(TableLayout.SCOPE, scope.key())
        .putString("price", price.id())
        .build();
  }
}
