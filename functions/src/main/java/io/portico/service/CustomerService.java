package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.Address;
import io.portico.domain.Customer;
import io.portico.domain.Ids;
import io.portico.domain.Metadata;
import io.portico.domain.PaymentMethod;
import io.portico.domain.Shipping;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.CustomerRepository;
import io.portico.store.ListPage;
import io.portico.store.PaymentMethodRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** {@code /v1/customers}: Stripe's customer endpoints. */
@Singleton
public class CustomerService {
  static final List<String> TAX_EXEMPT = List.of("exempt", "none", "reverse");
  private final CustomerRepository customers;
  private final PaymentMethodRepository paymentMethods;
  private final Transactions transactions;
  private final TestClockService testClocks;

  public CustomerService(CustomerRepository customers, PaymentMethodRepository paymentMethods, Transactions transactions,
      TestClockService testClocks) {
    this.customers = customers;
    this.paymentMethods = paymentMethods;
    this.transactions = transactions;
    this.testClocks = testClocks;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    Expansion.none(req);
    Customer blank = new Customer(Ids.newId("cus"), null, 0, ctx.now().getEpochSecond(), null, null, false, null, null, null,
        Ids.random(8).toUpperCase(), new Customer.InvoiceSettings(null, null, null, null), ctx.scope().livemode(), Map.of(), null, 1,
        null, List.of(), null, "none", null);
    String testClock = p.nonEmptyString("test_clock", 5000);
    Customer customer = apply(blank, p);
    p.rejectUnknown();
    if (testClock != null) customer = withTestClock(customer, testClocks.require(ctx, testClock, "test_clock"));
    // A new customer has no payment methods yet, so naming a default can only be refused.
    if (customer.invoiceSettings().defaultPaymentMethod() != null) requireAttached(ctx, customer, customer.invoiceSettings().defaultPaymentMethod());
    customers.insert(ctx.scope(), customer, ctx.now().toEpochMilli(), ctx.event("customer.created", customer, null));
    return ApiResponse.ok(customer);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    Expansion.none(req);
    req.params().rejectUnknown();
    Versioned<Customer> found = find(req, id);
    if (found.deleted()) return ApiResponse.ok(new DeletedObject(id, Customer.OBJECT, true));
    return ApiResponse.ok(found.value());
  }

  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Expansion.none(req);
    return Checks.retryingConflicts(() -> {
      Versioned<Customer> current = live(find(req, id), id);
      Customer updated = apply(current.value(), req.params());
      req.params().rejectUnknown();
      if (!updated.equals(current.value())) {
        Changes changes = transactions.begin();
        String pm = updated.invoiceSettings().defaultPaymentMethod();
        if (pm != null && !pm.equals(current.value().invoiceSettings().defaultPaymentMethod())) {
          // The new default must stay attached until this commits (a concurrent detach makes the commit fail and retry).
          paymentMethods.stageUnchanged(changes, requireAttached(ctx, updated, pm));
        }
        customers.stageReplace(changes, ctx.scope(), current, updated, ctx.event("customer.updated", updated, current.value()));
        changes.commit();
      }
      return ApiResponse.ok(updated);
    });
  }

  public ApiResponse delete(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    req.params().rejectUnknown();
    return Checks.retryingConflicts(() -> {
      Versioned<Customer> current = live(find(req, id), id);
      customers.markDeleted(ctx.scope(), current, ctx.event("customer.deleted", current.value(), null));
      return ApiResponse.ok(new DeletedObject(id, Customer.OBJECT, true));
    });
  }

  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    Expansion.none(req);
    String email = p.string("email", 512);
    var page = req.listRequest();
    p.rejectUnknown();
    ListPage<Customer> result = customers.list(req.context().scope(), email == null || email.isEmpty() ? null : email, page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/customers"));
  }

  /** invoice_settings[default_payment_method] must name a payment method attached to this customer (as in Stripe). */
  private Versioned<PaymentMethod> requireAttached(RequestContext ctx, Customer customer, String paymentMethod) {
    String param = "invoice_settings[default_payment_method]";
    Versioned<PaymentMethod> found = paymentMethods.find(ctx.scope(), paymentMethod);
    if (found == null) throw PaymentMethodService.noSuchPaymentMethod(paymentMethod, param).asBadRequest();
    if (found.deleted() || !customer.id().equals(found.value().customerId())) {
      throw ApiError.invalid("resource_missing", param, "The customer does not have a payment method with the ID " + paymentMethod
          + ". The payment method must be attached to the customer.");
    }
    return found;
  }

  private Versioned<Customer> find(ApiRequest req, String id) {
    Versioned<Customer> found = customers.find(req.context().scope(), id);
    if (found == null) throw ApiError.noSuch("customer", id, "id");
    return found;
  }

  private static Versioned<Customer> live(Versioned<Customer> found, String id) {
    if (found.deleted()) throw ApiError.noSuch("customer", id, "id");
    return found;
  }

  /** Stripe's create and update parameters for a customer, applied to {@code c}. */
  static Customer apply(Customer c, Params p) {
    Address address = c.address();
    if (p.isEmptyString("address")) {
      p.accept("address");
      address = null;
    } else if (p.has("address")) {
      address = address(p.requiredObject("address"), address);
    }
    Shipping shipping = c.shipping();
    if (p.isEmptyString("shipping")) {
      p.accept("shipping");
      shipping = null;
    } else if (p.has("shipping")) {
      Params s = p.requiredObject("shipping");
      Address shipTo = address(s.requiredObject("address"), null);
      shipping = new Shipping(shipTo, s.requiredString("name", 5000), emptyToNull(s.string("phone", 5000)));
    }
    Long balance = p.integer("balance");
    String description = emptyToNull(p.has("description") ? p.string("description", 5000) : c.description());
    String email = p.has("email") ? emptyToNull(Checks.email(p.path("email"), p.string("email", 512))) : c.email();
    String name = p.has("name") ? emptyToNull(p.string("name", 256)) : c.name();
    String phone = p.has("phone") ? emptyToNull(p.string("phone", 20)) : c.phone();
    String prefix = c.invoicePrefix();
    if (p.has("invoice_prefix")) {
      prefix = p.nonEmptyString("invoice_prefix", 12);
      if (!prefix.matches("[A-Z0-9]{3,12}")) {
        throw ApiError.invalid("parameter_invalid", "invoice_prefix",
            "Invalid invoice_prefix: use 3 to 12 uppercase letters or digits (got '" + prefix + "').");
      }
    }
    Long nextSequence = p.integer("next_invoice_sequence", 1, Long.MAX_VALUE);
    List<String> locales = p.has("preferred_locales") ? p.stringList("preferred_locales", 10) : c.preferredLocales();
    boolean unsetTaxExempt = p.isEmptyString("tax_exempt"); // Stripe: "" means none
    if (unsetTaxExempt) p.accept("tax_exempt"); // read without oneOf, so mark it known
    String taxExempt = unsetTaxExempt ? "none" : p.oneOf("tax_exempt", TAX_EXEMPT);
    Customer.InvoiceSettings settings = c.invoiceSettings();
    if (p.has("invoice_settings")) {
      Params is = p.requiredObject("invoice_settings");
      String pm = settings.defaultPaymentMethod();
      if (is.has("default_payment_method")) {
        pm = emptyToNull(is.string("default_payment_method", 5000));
        Checks.id(is.path("default_payment_method"), pm, "pm");
      }
      String footer = is.has("footer") ? emptyToNull(is.string("footer", 5000)) : settings.footer();
      settings = new Customer.InvoiceSettings(settings.customFields(), pm, footer, settings.renderingOptions());
    }
    Map<String, String> metadata = Checks.metadata(p, c.metadata());
    return new Customer(c.id(), address, balance == null ? c.balance() : balance, c.created(), c.currency(), c.defaultSource(),
        c.delinquent(), description, c.discount(), email, prefix, settings, c.livemode(), metadata, name,
        nextSequence == null ? c.nextInvoiceSequence() : nextSequence, phone, locales, shipping,
        taxExempt == null ? c.taxExempt() : taxExempt, c.testClock());
  }

  private static Customer withTestClock(Customer c, String clock) {
    return new Customer(c.id(), c.address(), c.balance(), c.created(), c.currency(), c.defaultSource(), c.delinquent(), c.description(),
        c.discount(), c.email(), c.invoicePrefix(), c.invoiceSettings(), c.livemode(), c.metadata(), c.name(), c.nextInvoiceSequence(), c.phone(),
        c.preferredLocales(), c.shipping(), c.taxExempt(), clock);
  }

  /** Address fields merge into {@code base} (Stripe updates the fields sent); "" clears one field. */
  static Address address(Params a, Address base) {
    Address b = base == null ? new Address(null, null, null, null, null, null) : base;
    return new Address(
        field(a, "city", b.city()), field(a, "country", b.country()), field(a, "line1", b.line1()),
        field(a, "line2", b.line2()), field(a, "postal_code", b.postalCode()), field(a, "state", b.state()));
  }

  private static String field(Params p, String name, String current) {
    return p.has(name) ? emptyToNull(p.string(name, 5000)) : current;
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
