package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.Customer;
import io.portico.domain.Ids;
import io.portico.domain.TaxId;
import io.portico.domain.TaxIdTypes;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.CustomerRepository;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.TaxIdRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;

/**
 * {@code /v1/customers/{customer}/tax_ids}: Stripe's customer tax ID endpoints (what stripe-java's
 * {@code customers().taxIds()} calls). A tax ID is created with its {@code customer.tax_id.created}
 * event in one transaction, and deleted with {@code customer.tax_id.deleted}; its value must have
 * its type's format ({@link TaxIdTypes}).
 */
@Singleton
public class TaxIdService {
  /** Stripe lets a customer have up to five tax IDs. */
  public static final int MAX_PER_CUSTOMER = 5;

  private final TaxIdRepository taxIds;
  private final CustomerRepository customers;
  private final Transactions transactions;

  public TaxIdService(TaxIdRepository taxIds, CustomerRepository customers, Transactions transactions) {
    this.taxIds = taxIds;
    this.customers = customers;
    this.transactions = transactions;
  }

  public ApiResponse create(ApiRequest req, String customerId) {
    RequestContext ctx = req.context();
    Params p = req.params();
    Expansion.none(req);
    String type = p.oneOf("type", TaxIdTypes.TYPES);
    if (type == null) throw ApiError.missing("type");
    String value = p.requiredString("value", 5000).trim();
    p.rejectUnknown();
    String problem = TaxIdTypes.problem(type, value);
    if (problem != null) throw ApiError.invalid("tax_id_invalid", "value", problem);
    TaxId created = Checks.retryingConflicts(() -> {
      Versioned<Customer> customer = liveCustomer(ctx, customerId);
      ListPage<TaxId> existing = taxIds.list(ctx.scope(), customerId, new ListRequest(MAX_PER_CUSTOMER, null, null));
      if (existing.data().size() >= MAX_PER_CUSTOMER) {
        throw ApiError.invalid("tax_id_limit_reached", null, "Customer " + customerId + " already has " + MAX_PER_CUSTOMER
            + " tax IDs, the most a customer can have. Delete one first.");
      }
      TaxId t = TaxId.of(Ids.newId("txi"), customerId, type, value, ctx.now().getEpochSecond(), ctx.scope().livemode());
      Changes changes = transactions.begin();
      taxIds.stageInsert(changes, ctx.scope(), t, ctx.now().toEpochMilli(), ctx.event("customer.tax_id.created", t, null));
      customers.stageUnchanged(changes, customer); // not deleted meanwhile
      changes.commit();
      return t;
    });
    return ApiResponse.ok(created);
  }

  public ApiResponse retrieve(ApiRequest req, String customerId, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    liveCustomer(req.context(), customerId);
    return ApiResponse.ok(find(req.context(), customerId, id).value());
  }

  public ApiResponse list(ApiRequest req, String customerId) {
    Expansion.none(req);
    ListRequest page = req.listRequest();
    req.params().rejectUnknown();
    liveCustomer(req.context(), customerId);
    if (page.startingAfter() != null) find(req.context(), customerId, page.startingAfter(), "starting_after");
    if (page.endingBefore() != null) find(req.context(), customerId, page.endingBefore(), "ending_before");
    ListPage<TaxId> result = taxIds.list(req.context().scope(), customerId, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/customers/" + customerId + "/tax_ids"));
  }

  /** Deletes for good: the tax ID leaves the customer and can no longer be retrieved (Stripe's behaviour). */
  public ApiResponse delete(ApiRequest req, String customerId, String id) {
    RequestContext ctx = req.context();
    req.params().rejectUnknown();
    liveCustomer(ctx, customerId);
    return Checks.retryingConflicts(() -> {
      Versioned<TaxId> current = find(ctx, customerId, id);
      taxIds.markDeleted(ctx.scope(), current, ctx.event("customer.tax_id.deleted", current.value(), null));
      return ApiResponse.ok(new DeletedObject(id, TaxId.OBJECT, true));
    });
  }

  /** The customer's tax ID {@code id}; a deleted one, or another customer's, is no such tax ID (404). */
  public Versioned<TaxId> find(RequestContext ctx, String customerId, String id) {
    return find(ctx, customerId, id, "id");
  }

  private Versioned<TaxId> find(RequestContext ctx, String customerId, String id, String param) {
    Versioned<TaxId> found = taxIds.find(ctx.scope(), id);
    if (found == null || found.deleted() || !customerId.equals(found.value().customer())) {
      ApiError missing = ApiError.noSuch("tax_id", id, param);
      throw "id".equals(param) ? missing : missing.asBadRequest();
    }
    return found;
  }

  private Versioned<Customer> liveCustomer(RequestContext ctx, String id) {
    Versioned<Customer> found = customers.find(ctx.scope(), id);
    if (found == null || found.deleted()) throw ApiError.noSuch("customer", id, "customer");
    return found;
  }
}
