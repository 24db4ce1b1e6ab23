package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.ListObject;
import io.portico.domain.Address;
import io.portico.domain.Customer;
import io.portico.domain.Ids;
import io.portico.domain.Metadata;
import io.portico.domain.PaymentMethod;
import io.portico.domain.payments.Cards;
import io.portico.domain.payments.ChargeResult;
import io.portico.domain.payments.PaymentMethodTypes;
import io.portico.domain.payments.PaymentProvider;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.CustomerRepository;
import io.portico.store.ListPage;
import io.portico.store.ListRequest;
import io.portico.store.PaymentMethodRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/payment_methods} and {@code /v1/customers/{customer}/payment_methods}: Stripe's payment
 * method endpoints. Raw details go to the {@link PaymentProvider} and no further; what is stored is
 * the hash it returns. As in Stripe, creating a payment method charges nothing, attaching a card
 * checks it with its issuer, and a detached payment method can never be attached again.
 */
@Singleton
public class PaymentMethodService {
  private static final List<String> EXPANDABLE = List.of("customer");
  private static final PaymentMethod.BillingDetails NO_BILLING_DETAILS = PaymentMethod.BillingDetails.EMPTY;

  /**
   * Stripe's parameters of a type's hash ({@code card[number]}…), those it requires, and the
   * billing details Stripe requires for the type (a mandate names its debtor).
   */
  private record Shape(List<String> fields, List<String> required, List<String> billingRequired) {}

  private static final Map<String, Shape> SHAPES = Map.of(
      "card", new Shape(List.of("number", "exp_month", "exp_year", "cvc"), List.of("number", "exp_month", "exp_year"), List.of()),
      "sepa_debit", new Shape(List.of("iban"), List.of("iban"), List.of("name", "email")),
      "us_bank_account", new Shape(List.of("account_holder_type", "account_number", "account_type", "routing_number"),
          List.of("account_number", "routing_number"), List.of("name")),
      "bacs_debit", new Shape(List.of("account_number", "sort_code"), List.of("account_number", "sort_code"), List.of("name", "email", "address")),
      "au_becs_debit", new Shape(List.of("account_number", "bsb_number"), List.of("account_number", "bsb_number"), List.of("name", "email")),
      "acss_debit", new Shape(List.of("account_number", "institution_number", "transit_number"),
          List.of("account_number", "institution_number", "transit_number"), List.of("name", "email")),
      "link", new Shape(List.of(), List.of(), List.of("email")),
      "paypal", new Shape(List.of(), List.of(), List.of()));

  private final PaymentMethodRepository paymentMethods;
  private final CustomerRepository customers;
  private final PaymentProvider provider;
  private final Transactions transactions;

  public PaymentMethodService(PaymentMethodRepository paymentMethods, CustomerRepository customers, PaymentProvider provider,
      Transactions transactions) {
    this.paymentMethods = paymentMethods;
    this.customers = customers;
    this.provider = provider;
    this.transactions = transactions;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = req.context();
    Params p = req.params();
    boolean expandCustomer = expandCustomer(req, "");
    String type = p.oneOf("type", PaymentMethodTypes.MODELLED);
    if (type == null) throw ApiError.missing("type");
    Map<String, String> raw = rawDetails(p, type);
    PaymentMethod.BillingDetails billing = billingDetails(p.object("billing_details"), NO_BILLING_DETAILS);
    requireBillingDetails(type, billing);
    String allowRedisplay = p.oneOf("allow_redisplay", PaymentMethod.ALLOW_REDISPLAY);
    Map<String, String> metadata = p.has("metadata") ? Metadata.apply(Map.of(), p.stringMap("metadata"), false, "metadata") : Map.of();
    p.rejectUnknown();
    PaymentMethod created = newPaymentMethod(ctx, type, raw, billing, allowRedisplay, metadata, null);
    Changes changes = transactions.begin();
    paymentMethods.stageInsert(changes, ctx.scope(), created, ctx.now().toEpochMilli(), null); // Stripe has no payment_method.created
    changes.commit();
    return ApiResponse.ok(expand(ctx, created, expandCustomer));
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    boolean expandCustomer = expandCustomer(req, "");
    req.params().rejectUnknown();
    return ApiResponse.ok(expand(req.context(), find(req.context(), id).value(), expandCustomer));
  }

  /** Stripe updates only payment methods saved to a customer: billing details, metadata, allow_redisplay, a card's expiry, a US account's types. */
  public ApiResponse update(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    boolean expandCustomer = expandCustomer(req, "");
    PaymentMethod updated = Checks.retryingConflicts(() -> {
      Params p = req.params();
      Versioned<PaymentMethod> current = find(ctx, id);
      PaymentMethod c = current.value();
      PaymentMethod.BillingDetails billing = billingDetails(p.object("billing_details"), c.billingDetails());
      String allowRedisplay = p.has("allow_redisplay") ? p.oneOf("allow_redisplay", PaymentMethod.ALLOW_REDISPLAY) : c.allowRedisplay();
      Map<String, String> metadata = c.metadata();
      if (p.has("metadata")) {
        boolean clear = p.isEmptyString("metadata");
        if (clear) p.accept("metadata");
        metadata = Metadata.apply(metadata, clear ? null : p.stringMap("metadata"), clear, "metadata");
      }
      PaymentMethod.Details details = c.details();
      Params card = "card".equals(c.type()) ? p.object("card") : null;
      if (card != null) details = newExpiry(ctx, c.card(), card);
      Params bank = "us_bank_account".equals(c.type()) ? p.object("us_bank_account") : null;
      if (bank != null) {
        String holder = bank.oneOf("account_holder_type", PaymentMethod.UsBankAccount.HOLDER_TYPES);
        String accountType = bank.oneOf("account_type", PaymentMethod.UsBankAccount.ACCOUNT_TYPES);
        details = c.usBankAccount().withTypes(holder == null ? c.usBankAccount().accountHolderType() : holder,
            accountType == null ? c.usBankAccount().accountType() : accountType);
      }
      p.rejectUnknown();
      if (current.deleted() || c.customerId() == null) {
        throw ApiError.invalid("payment_method_unexpected_state", null, "You must save this PaymentMethod to a customer before you can update it.");
      }
      PaymentMethod next = c.with(details, allowRedisplay, billing, metadata);
      if (next.equals(c)) return c;
      Changes changes = transactions.begin();
      paymentMethods.stageReplace(changes, ctx.scope(), current, next, ctx.event("payment_method.updated", next, c));
      changes.commit();
      return next;
    });
    return ApiResponse.ok(expand(ctx, updated, expandCustomer));
  }

  /**
   * Saves a payment method to a customer, after the provider's check (a card its issuer declines is
   * refused). A test id such as {@code pm_card_visa} creates a fresh payment method from that test
   * card and attaches it, as Stripe does.
   */
  public ApiResponse attach(ApiRequest req, String id) {
    RequestContext ctx = req.context();
    Params p = req.params();
    boolean expandCustomer = expandCustomer(req, "");
    String customerId = p.requiredString("customer", 5000);
    p.rejectUnknown();
    PaymentMethod attached = Checks.retryingConflicts(() -> {
      Versioned<PaymentMethod> found = paymentMethods.find(ctx.scope(), id);
      boolean fromTestId = found == null && provider.isTestPaymentMethod(id);
      if (found == null && !fromTestId) throw noSuchPaymentMethod(id, "id");
      Versioned<Customer> customer = liveCustomer(ctx, customerId);
      Changes changes = transactions.begin();
      PaymentMethod pm;
      if (fromTestId) {
        pm = newPaymentMethod(ctx, "card", Map.of("token", id), NO_BILLING_DETAILS, null, Map.of(), customerId);
        check(ctx, pm);
        paymentMethods.stageInsert(changes, ctx.scope(), pm, ctx.now().toEpochMilli(), ctx.event("payment_method.attached", pm, null));
      } else {
        PaymentMethod c = found.value();
        if (found.deleted()) {
          throw ApiError.invalid("payment_method_unexpected_state", null, "This PaymentMethod was previously detached from a Customer and may"
              + " not be used again. Create a new PaymentMethod.");
        }
        if (customerId.equals(c.customerId())) return c; // already there: nothing changes
        if (c.customerId() != null) {
          throw ApiError.invalid("payment_method_unexpected_state", null, "The payment method you provided has already been attached to"
              + " a customer (" + c.customerId() + "). Detach it first, or create a new PaymentMethod.");
        }
        check(ctx, c);
        pm = c.withCustomer(customerId);
        paymentMethods.stageReplace(changes, ctx.scope(), found, pm, ctx.event("payment_method.attached", pm, null));
      }
      customers.stageUnchanged(changes, customer); // not deleted meanwhile
      changes.commit();
      return pm;
    });
    return ApiResponse.ok(expand(ctx, attached, expandCustomer));
  }

  /**
   * Detaches a payment method for good. If it was the customer's default, the default is cleared in
   * the same transaction (a customer.updated event).
   */
  public ApiResponse detach(ApiRequest req, String id) {
    return detach(req, id, null);
  }

  /**
   * A rule a caller re-checks inside a detachment's unit of work, on fresh reads, each time it is
   * attempted: it refuses by throwing, and may stage conditions (the payment methods that must
   * remain) so that a concurrent change fails the commit and the rule is checked again.
   */
  @FunctionalInterface
  public interface DetachGuard {
    void check(Changes changes, PaymentMethod toDetach);
  }

  /** {@link #detach(ApiRequest, String)}, with {@code guard} (may be null) checked in the same unit of work. */
  public ApiResponse detach(ApiRequest req, String id, DetachGuard guard) {
    RequestContext ctx = req.context();
    boolean expandCustomer = expandCustomer(req, "");
    req.params().rejectUnknown();
    PaymentMethod detached = Checks.retryingConflicts(() -> {
      Versioned<PaymentMethod> current = find(ctx, id);
      PaymentMethod c = current.value();
      if (current.deleted() || c.customerId() == null) {
        throw ApiError.invalid("payment_method_unexpected_state", null,
            "The payment method you provided is not attached to a customer so detachment is impossible.");
      }
      Versioned<Customer> customer = customers.find(ctx.scope(), c.customerId());
      PaymentMethod next = c.withCustomer(null);
      Changes changes = transactions.begin();
      if (guard != null) guard.check(changes, c);
      if (customer != null && !customer.deleted()) {
        Customer owner = customer.value();
        if (id.equals(owner.invoiceSettings().defaultPaymentMethod())) {
          Customer cleared = owner.withDefaultPaymentMethod(null);
          customers.stageReplace(changes, ctx.scope(), customer, cleared, ctx.event("customer.updated", cleared, owner));
        } else {
          customers.stageUnchanged(changes, customer); // its default was read as another one: it must still be
        }
      }
      paymentMethods.stageDetach(changes, ctx.scope(), current, next, ctx.event("payment_method.detached", next, c));
      changes.commit();
      return next;
    });
    return ApiResponse.ok(expand(ctx, detached, expandCustomer));
  }

  // SPEC.md "Payment methods": while a customer has an active subscription the portal keeps at least
  // one chargeable payment method. Stripe's API does not enforce that and neither does this endpoint;
  // the portal's "remove payment method" passes the rule as a DetachGuard (io.portico.portal.PortalPaymentMethods).

  /** {@code GET /v1/payment_methods}: {@code customer} narrows to one customer's (otherwise the account's), {@code type} filters. */
  public ApiResponse list(ApiRequest req) {
    Params p = req.params();
    String customer = p.nonEmptyString("customer", 5000);
    if (customer != null && liveCustomerOrNull(req.context(), customer) == null) throw ApiError.noSuch("customer", customer, "customer").asBadRequest();
    return list(req, customer, "/v1/payment_methods");
  }

  /** {@code GET /v1/customers/{customer}/payment_methods}: what stripe-java's {@code customers().paymentMethods().list} calls. */
  public ApiResponse listForCustomer(ApiRequest req, String customerId) {
    if (liveCustomerOrNull(req.context(), customerId) == null) throw ApiError.noSuch("customer", customerId, "customer");
    return list(req, customerId, "/v1/customers/" + customerId + "/payment_methods");
  }

  /** {@code GET /v1/customers/{customer}/payment_methods/{payment_method}}: only a payment method attached to that customer. */
  public ApiResponse retrieveForCustomer(ApiRequest req, String customerId, String id) {
    RequestContext ctx = req.context();
    boolean expandCustomer = expandCustomer(req, "");
    req.params().rejectUnknown();
    if (liveCustomerOrNull(ctx, customerId) == null) throw ApiError.noSuch("customer", customerId, "customer");
    Versioned<PaymentMethod> found = paymentMethods.find(ctx.scope(), id);
    if (found == null || found.deleted() || !customerId.equals(found.value().customerId())) throw noSuchPaymentMethod(id, "payment_method");
    return ApiResponse.ok(expand(ctx, found.value(), expandCustomer));
  }

  private ApiResponse list(ApiRequest req, String customer, String url) {
    Params p = req.params();
    RequestContext ctx = req.context();
    boolean expandCustomer = expandCustomer(req, "data.");
    String type = p.oneOf("type", PaymentMethodTypes.KNOWN);
    String allowRedisplay = p.oneOf("allow_redisplay", PaymentMethod.ALLOW_REDISPLAY);
    ListRequest page = req.listRequest();
    p.rejectUnknown();
    ListPage<PaymentMethod> result = paymentMethods.list(ctx.scope(), customer, type, allowRedisplay, page);
    List<PaymentMethod> data = result.data().stream().map(pm -> expand(ctx, pm, expandCustomer)).toList();
    return ApiResponse.ok(new ListObject(data, result.hasMore(), url));
  }

  // ---- parameters ---------------------------------------------------------------------------------

  /**
   * The type's hash as raw strings for the provider: a card's number and expiry, or its
   * {@code token}; an IBAN; account and routing numbers. Read and shape-checked here (required,
   * integers, enumerations), judged by the provider.
   */
  private static Map<String, String> rawDetails(Params p, String type) {
    Shape shape = SHAPES.get(type);
    Map<String, String> raw = new LinkedHashMap<>();
    if (shape.fields().isEmpty()) {
      // link and paypal take no parameters of their own: accept the empty hash (or its "" encoding), refuse anything in it.
      if (p.isEmptyString(type)) p.accept(type);
      else p.object(type);
      return raw;
    }
    Params hash = p.object(type);
    if (hash == null) throw ApiError.missing(type);
    if ("card".equals(type) && hash.has("token")) {
      if (shape.fields().stream().anyMatch(hash::has)) {
        throw ApiError.invalid("parameter_invalid", "card[token]", "Give either card[token] or the card's number and expiry, not both.");
      }
      raw.put("token", hash.requiredString("token", 5000));
      return raw;
    }
    for (String field : shape.fields()) {
      String value = switch (field) {
        case "exp_month", "exp_year" -> {
          Long n = hash.integer(field);
          yield n == null ? null : Long.toString(n);
        }
        case "account_holder_type" -> hash.oneOf(field, PaymentMethod.UsBankAccount.HOLDER_TYPES);
        case "account_type" -> hash.oneOf(field, PaymentMethod.UsBankAccount.ACCOUNT_TYPES);
        default -> hash.nonEmptyString(field, 100);
      };
      if (value != null) raw.put(field, value);
      else if (shape.required().contains(field)) throw ApiError.missing(hash.path(field));
    }
    return raw;
  }

  private static void requireBillingDetails(String type, PaymentMethod.BillingDetails b) {
    for (String field : SHAPES.get(type).billingRequired()) {
      boolean present = switch (field) {
        case "name" -> b.name() != null;
        case "email" -> b.email() != null;
        default -> b.address().line1() != null || b.address().postalCode() != null;
      };
      if (!present) {
        throw ApiError.invalid("parameter_missing", "billing_details[" + field + "]",
            "Missing required param: billing_details[" + field + "]. " + type + " payment methods need the account holder's " + field + ".");
      }
    }
  }

  /** Stripe's billing_details: each field sent replaces the old one ("" clears it); the address merges field by field. */
  static PaymentMethod.BillingDetails billingDetails(Params b, PaymentMethod.BillingDetails base) {
    if (b == null) return base;
    Address address = base.address();
    if (b.isEmptyString("address")) {
      b.accept("address");
      address = NO_BILLING_DETAILS.address();
    } else if (b.has("address")) {
      address = CustomerService.address(b.requiredObject("address"), address);
    }
    String email = b.has("email") ? CustomerService.emptyToNull(Checks.email(b.path("email"), b.string("email", 800))) : base.email();
    String name = b.has("name") ? CustomerService.emptyToNull(b.string("name", 5000)) : base.name();
    String phone = b.has("phone") ? CustomerService.emptyToNull(b.string("phone", 5000)) : base.phone();
    String taxId = b.has("tax_id") ? CustomerService.emptyToNull(b.string("tax_id", 5000)) : base.taxId();
    return new PaymentMethod.BillingDetails(address, email, name, phone, taxId);
  }

  /** A card's new expiry (card[exp_month], card[exp_year]), checked like a new card's. */
  private static PaymentMethod.Card newExpiry(RequestContext ctx, PaymentMethod.Card card, Params p) {
    Long month = p.integer("exp_month");
    Long year = p.integer("exp_year");
    if (month == null && year == null) return card;
    long m = month == null ? card.expMonth() : month;
    // Named as on creation ("exp_year"): Stripe's card errors name the card field, not the request path.
    long y = Cards.expiryYear(m, year == null ? card.expYear() : year, YearMonth.from(ctx.now().atZone(ZoneOffset.UTC)), "exp_month", "exp_year");
    return card.withExpiry(m, y);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private PaymentMethod newPaymentMethod(RequestContext ctx, String type, Map<String, String> raw, PaymentMethod.BillingDetails billing,
      String allowRedisplay, Map<String, String> metadata, String customer) {
    PaymentMethod.Details details = provider.tokenize(new PaymentProvider.Tokenization(ctx.scope().accountId(), ctx.scope().livemode(), type,
        raw, billing, ctx.now()));
    return PaymentMethod.of(Ids.newId("pm"), details, allowRedisplay == null ? "unspecified" : allowRedisplay, billing,
        ctx.now().getEpochSecond(), customer, ctx.scope().livemode(), metadata);
  }

  /** The provider's check before a payment method is saved to a customer; a decline is Stripe's card_error (402). */
  private void check(RequestContext ctx, PaymentMethod pm) {
    ChargeResult result = provider.verify(ctx.scope().accountId(), pm);
    if (!result.succeeded()) throw result.error();
  }

  private Versioned<PaymentMethod> find(RequestContext ctx, String id) {
    Versioned<PaymentMethod> found = paymentMethods.find(ctx.scope(), id);
    if (found == null) throw noSuchPaymentMethod(id, "id");
    return found;
  }

  /** Stripe names the object "PaymentMethod" in this message. */
  static ApiError noSuchPaymentMethod(String id, String param) {
    return ApiError.noSuch("PaymentMethod", id, param);
  }

  private Versioned<Customer> liveCustomer(RequestContext ctx, String id) {
    Versioned<Customer> found = liveCustomerOrNull(ctx, id);
    if (found == null) throw ApiError.noSuch("customer", id, "customer").asBadRequest();
    return found;
  }

  private Versioned<Customer> liveCustomerOrNull(RequestContext ctx, String id) {
    Versioned<Customer> found = customers.find(ctx.scope(), id);
    return found == null || found.deleted() ? null : found;
  }

  private static boolean expandCustomer(ApiRequest req, String prefix) {
    return !Expansion.only(req, prefix, EXPANDABLE).isEmpty();
  }

  private PaymentMethod expand(RequestContext ctx, PaymentMethod pm, boolean expandCustomer) {
    if (!expandCustomer || pm.customerId() == null) return pm;
    Versioned<Customer> c = liveCustomerOrNull(ctx, pm.customerId());
    return c == null ? pm : pm.withCustomer(c.value());
  }
}
