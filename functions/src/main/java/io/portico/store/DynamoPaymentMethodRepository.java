package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PaymentMethod;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** An attached payment method carries {@code lookup_pk = <scope>#payment_method#customer#<customer>}. */
@Singleton
public class DynamoPaymentMethodRepository extends DynamoObjects<PaymentMethod> implements PaymentMethodRepository {
  public DynamoPaymentMethodRepository(BillingTable table) {
    super(table, PaymentMethod.OBJECT, PaymentMethod.class);
  }

  @Override
  protected String id(PaymentMethod p) {
    return p.id();
  }

  @Override
  protected Owner owner(PaymentMethod p) {
    return p.customerId() == null ? null : new Owner(p.customerId(), 2);
  }

  @Override
  protected void decorate(Scope scope, PaymentMethod p, EnhancedDocument.Builder item) {
    if (p.customerId() != null) item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "customer", p.customerId()));
  }

  @Override
  public void stageDetach(Changes changes, Scope scope, Versioned<PaymentMethod> previous, PaymentMethod detached, Event event) {
    stageMarkDeleted(changes, scope, previous, detached, event);
  }

  @Override
  public ListPage<PaymentMethod> list(Scope scope, String customer, String type, String allowRedisplay, ListRequest request) {
    var filter = new DataFilter().eq("type", type).eq("allow_redisplay", allowRedisplay).build();
    return customer != null ? listByLookup(scope, "customer", customer, request, filter) : listAll(scope, request, filter);
  }
}
