package io.portico.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Customer;
import io.portico.domain.Invoice;
import io.portico.domain.PaymentMethod;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import java.util.List;

/** Everything the customer portal's home page shows of one customer, read together ({@link TableLayout#BY_OWNER}). */
public interface CustomerObjectsRepository {

  /**
   * @param subscriptions those that have not ended, newest first
   * @param paymentMethods attached ones, newest first
   * @param taxIds the customer's tax IDs (Stripe's {@code tax_id} objects), newest first
   * @param invoices the newest finalized invoices, at most the number asked for
   * @param moreInvoices whether older finalized invoices exist
   */
  record CustomerObjects(Customer customer, List<Subscription> subscriptions, List<PaymentMethod> paymentMethods, List<JsonNode> taxIds,
      List<Invoice> invoices, boolean moreInvoices) {}

  /** Null when the customer does not exist in {@code scope} (or was deleted). One query when the customer has few objects. */
  CustomerObjects load(Scope scope, String customerId, int invoices);
}
