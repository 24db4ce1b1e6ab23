package io.portico.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portico.api.ApiResponse;
import io.portico.domain.Customer;
import io.portico.domain.PaymentMethod;
import io.portico.domain.PortalSession;
import io.portico.domain.Subscription;
import io.portico.domain.payments.PaymentMethodTypes;
import io.portico.domain.payments.PaymentProvider;
import io.portico.domain.portal.PaymentMethodRemoval;
import io.portico.domain.portal.Reason;
import io.portico.domain.portal.Verdict;
import io.portico.error.ApiError;
import io.portico.service.CustomerService;
import io.portico.service.PaymentMethodService;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.CustomerObjectsRepository;
import io.portico.store.CustomerObjectsRepository.CustomerObjects;
import io.portico.store.CustomerRepository;
import io.portico.store.PaymentMethodRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer's payment methods in the portal ({@code features.payment_method_update}): add one the
 * payment provider tokenized (the card number went to the provider's tokenization step, never
 * here), make one the default, remove one. Removal follows {@link PaymentMethodRemoval}: while a
 * subscription charges the customer, the last payment method that can pay it stays; the rule is
 * checked again inside the detachment's transaction, so two removals racing cannot both pass.
 * Changes go through {@link PaymentMethodService} and {@link CustomerService}, as the merchant's do.
 */
@Singleton
public class PortalPaymentMethods {
  static final String FEATURE = "payment_method_update";

  private final PaymentMethodService service;
  private final CustomerService customerService;
  private final PaymentMethodRepository paymentMethods;
  private final CustomerRepository customers;
  private final CustomerObjectsRepository objects;
  private final PaymentProvider provider;

  public PortalPaymentMethods(PaymentMethodService service, CustomerService customerService, PaymentMethodRepository paymentMethods,
      CustomerRepository customers, CustomerObjectsRepository objects, PaymentProvider provider) {
    this.service = service;
    this.customerService = customerService;
    this.paymentMethods = paymentMethods;
    this.customers = customers;
    this.objects = objects;
    this.provider = provider;
  }

  /**
   * What a payment method action leaves: the payment method it acted on, the customer's default
   * afterwards, and, when this completes the session's {@code payment_method_update} flow, where the
   * customer goes next.
   */
  public record Change(PaymentMethod paymentMethod, String defaultPaymentMethod, PortalSession.AfterCompletion afterCompletion) {
    @JsonProperty("object")
    public String object() { return "billing_portal.payment_method_change"; }
  }

  /**
   * {@code POST /p/api/payment_methods}: {@code payment_method} (a new, unattached {@code pm_…} from the
   * provider's tokenization, or one of Stripe's test ids such as {@code pm_card_visa}) is saved to the
   * customer after the provider's check. It becomes the default with {@code default=true}, or when the
   * customer has none.
   */
  public ApiResponse add(PortalRequest r) {
    r.require(r.features().paymentMethodUpdate().enabled(), FEATURE);
    Params p = r.params();
    String id = p.requiredString("payment_method", 5000);
    boolean makeDefault = Boolean.TRUE.equals(p.bool("default"));
    p.rejectUnknown();
    if (!provider.isTestPaymentMethod(id)) {
      Versioned<PaymentMethod> found = paymentMethods.find(r.context().scope(), id);
      // Only one nobody holds yet, or already this customer's: never another customer's (same answer as an unknown id).
      if (found == null || found.deleted() || (found.value().customerId() != null && !r.customerId().equals(found.value().customerId()))) {
        throw notFound(id, "payment_method");
      }
    }
    PaymentMethod attached = (PaymentMethod) service.attach(
        r.merchantRequest("POST /v1/payment_methods/{payment_method}/attach", PortalRequest.form("customer", r.customerId())), id).body();
    String defaultMethod = currentDefault(r);
    if (makeDefault || defaultMethod == null) defaultMethod = setDefault(r, attached.id());
    return ApiResponse.ok(new Change(attached, defaultMethod, r.completes(FEATURE, null)));
  }

  /** {@code POST /p/api/payment_methods/{payment_method}/default}: invoices and subscriptions without their own charge it from now on. */
  public ApiResponse makeDefault(PortalRequest r) {
    r.require(r.features().paymentMethodUpdate().enabled(), FEATURE);
    String id = r.pathParameter("payment_method");
    r.params().rejectUnknown();
    PaymentMethod pm = own(r, id).value();
    return ApiResponse.ok(new Change(pm, setDefault(r, id), r.completes(FEATURE, null)));
  }

  /**
   * {@code DELETE /p/api/payment_methods/{payment_method}}: refused with {@link Reason#LAST_CHARGEABLE_PAYMENT_METHOD}
   * while a subscription needs it. Removing the default makes another payment method that can pay the
   * customer's subscriptions the default first, so they keep being charged; should the default move back
   * to it meanwhile (another tab), the removal starts over.
   */
  public ApiResponse remove(PortalRequest r) {
    r.require(r.features().paymentMethodUpdate().enabled(), FEATURE);
    String id = r.pathParameter("payment_method");
    r.params().rejectUnknown();
    Versioned<PaymentMethod> pm = own(r, id);
    for (int attempt = 1; ; attempt++) {
      Holdings before = holdings(r);
      judge(pm.value(), before);
      if (id.equals(currentDefault(r))) replacement(id, before).ifPresent(next -> setDefault(r, next.id()));
      try {
        PaymentMethod detached = (PaymentMethod) service.detach(r.merchantRequest("POST /v1/payment_methods/{payment_method}/detach",
            Params.empty()), id, (changes, toDetach) -> {
              // Again, on fresh reads, inside the unit of work: the payment methods that keep the rule true must still be there at commit.
              Holdings now = holdings(r);
              judge(toDetach, now);
              if (id.equals(currentDefault(r)) && replacement(id, now).isPresent()) throw new DefaultMovedBack();
              for (Versioned<PaymentMethod> other : now.methods()) {
                if (!other.value().id().equals(toDetach.id())) paymentMethods.stageUnchanged(changes, other);
              }
            }).body();
        return ApiResponse.ok(new Change(detached, currentDefault(r), null));
      } catch (DefaultMovedBack e) {
        if (attempt == 3) throw new ConcurrentUpdateException("the default payment method keeps moving back to " + id, null);
      }
    }
  }

  /** The payment method being removed became the default again after another one was made the default. */
  private static final class DefaultMovedBack extends RuntimeException {
    DefaultMovedBack() {
      super(null, null, false, false);
    }
  }

  /** The customer's attached payment methods (each read consistently, at its version) and the subscriptions that have not ended. */
  record Holdings(List<Versioned<PaymentMethod>> methods, List<Subscription> subscriptions) {
    List<PaymentMethod> values() {
      return methods.stream().map(Versioned::value).toList();
    }
  }

  private Holdings holdings(PortalRequest r) {
    CustomerObjects o = objects.load(r.context().scope(), r.customerId(), 0);
    if (o == null) throw notFound(r.customerId(), "customer");
    List<Versioned<PaymentMethod>> methods = new ArrayList<>();
    for (PaymentMethod listed : o.paymentMethods()) {
      // The index may lag a moment behind: confirm each one with a consistent read.
      Versioned<PaymentMethod> v = paymentMethods.find(r.context().scope(), listed.id());
      if (v != null && !v.deleted() && r.customerId().equals(v.value().customerId())) methods.add(v);
    }
    return new Holdings(methods, o.subscriptions());
  }

  private static void judge(PaymentMethod toRemove, Holdings h) {
    List<PaymentMethod> methods = new ArrayList<>(h.values());
    if (methods.stream().noneMatch(m -> m.id().equals(toRemove.id()))) methods.add(toRemove); // read as attached a moment ago
    Verdict v = PaymentMethodRemoval.check(toRemove, methods, h.subscriptions());
    if (!v.allowed()) {
      Reason why = v.refusal().get();
      throw new ApiError(400, ApiError.INVALID_REQUEST, why.code(), "payment_method", why.message());
    }
  }

  /** Another payment method to become the default: one that can pay the running subscriptions' currencies, newest first. */
  private static Optional<PaymentMethod> replacement(String removed, Holdings h) {
    List<PaymentMethod> others = h.values().stream().filter(m -> !m.id().equals(removed)).toList();
    return others.stream()
        .filter(m -> h.subscriptions().stream().allMatch(s -> PaymentMethodTypes.acceptsCurrency(m.type(), s.currency())))
        .findFirst()
        .or(() -> others.stream().findFirst());
  }

  /** The session customer's attached payment method {@code id}; anything else is no such payment method (404). */
  Versioned<PaymentMethod> own(PortalRequest r, String id) {
    Versioned<PaymentMethod> found = paymentMethods.find(r.context().scope(), id);
    if (found == null || found.deleted() || !r.customerId().equals(found.value().customerId())) throw notFound(id, "payment_method");
    return found;
  }

  private String setDefault(PortalRequest r, String paymentMethod) {
    Customer updated = (Customer) customerService.update(r.merchantRequest("POST /v1/customers/{customer}",
        PortalRequest.form("invoice_settings[default_payment_method]", paymentMethod)), r.customerId()).body();
    return updated.invoiceSettings().defaultPaymentMethod();
  }

  private String currentDefault(PortalRequest r) {
    Versioned<Customer> c = customers.find(r.context().scope(), r.customerId());
    if (c == null || c.deleted()) throw notFound(r.customerId(), "customer");
    return c.value().invoiceSettings().defaultPaymentMethod();
  }

  static ApiError notFound(String id, String param) {
    return ApiError.noSuch(param.equals("customer") ? "customer" : "payment_method", id, param);
  }
}
