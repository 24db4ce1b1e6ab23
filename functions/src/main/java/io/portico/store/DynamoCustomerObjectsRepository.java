package io.portico.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Customer;
import io.portico.domain.Invoice;
import io.portico.domain.PaymentMethod;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

@Singleton
public class DynamoCustomerObjectsRepository implements CustomerObjectsRepository {
  /** Items per page: a customer with fewer objects (and invoices beyond those shown) is one round trip. */
  private static final int PAGE = 100;

  private final BillingTable table;

  public DynamoCustomerObjectsRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public CustomerObjects load(Scope scope, String customerId, int invoiceLimit) {
    QueryEnhancedRequest query = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(TableLayout.ownerPk(scope.key(), customerId)).build()))
        .limit(PAGE)
        .build();
    Customer customer = null;
    List<Subscription> subscriptions = new ArrayList<>();
    List<PaymentMethod> paymentMethods = new ArrayList<>();
    List<JsonNode> taxIds = new ArrayList<>();
    List<Invoice> invoices = new ArrayList<>();
    boolean moreInvoices = false;
    outer:
    for (Page<EnhancedDocument> page : table.index(TableLayout.BY_OWNER).query(query)) {
      for (EnhancedDocument doc : page.items()) {
        String data = doc.getJson(TableLayout.DATA);
        switch (doc.getString(TableLayout.KIND)) {
          case Customer.OBJECT -> customer = Json.read(data, Customer.class);
          case Subscription.OBJECT -> subscriptions.add(Json.read(data, Subscription.class));
          case PaymentMethod.OBJECT -> paymentMethods.add(Json.read(data, PaymentMethod.class));
          case "tax_id" -> taxIds.add(Json.read(data, JsonNode.class));
          case Invoice.OBJECT -> {
            // Invoices come last, newest first: stop reading as soon as one more than shown was seen.
            if (invoices.size() == invoiceLimit) {
              moreInvoices = true;
              break outer;
            }
            invoices.add(Json.read(data, Invoice.class));
          }
          default -> { } // a kind a later version shows; this one ignores it
        }
      }
    }
    return customer == null ? null : new CustomerObjects(customer, subscriptions, paymentMethods, taxIds, invoices, moreInvoices);
  }
}
