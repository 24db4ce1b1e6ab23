package io.portico.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.portico.api.ApiResponse;
import io.portico.domain.Account;
import io.portico.domain.Address;
import io.portico.domain.Customer;
import io.portico.domain.Invoice;
import io.portico.domain.PaymentMethod;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.Shipping;
import io.portico.domain.Subscription;
import io.portico.domain.portal.Reason;
import io.portico.domain.portal.SubscriptionActions;
import io.portico.error.ApiError;
import io.portico.service.InvoiceService;
import io.portico.service.SubscriptionService;
import io.portico.store.CustomerObjectsRepository;
import io.portico.store.CustomerObjectsRepository.CustomerObjects;
import io.portico.store.SessionRepository.PortalAccess;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /p/api/home}: everything the portal's home page shows, in one call and, warm, two
 * DynamoDB round trips: the credential's update (authenticates, slides the expiry, and returns the
 * session with its configuration and brand), then one query of the customer's objects.
 */
@Singleton
public class PortalHome {
  /** Invoices on the home page; the invoice list pages through the rest. */
  static final int RECENT_INVOICES = 10;

  private final CustomerObjectsRepository objects;
  private final SubscriptionService subscriptions;
  private final ProductNames productNames;
  private final InvoiceService invoices;

  public PortalHome(CustomerObjectsRepository objects, SubscriptionService subscriptions, ProductNames productNames, InvoiceService invoices) {
    this.objects = objects;
    this.subscriptions = subscriptions;
    this.productNames = productNames;
    this.invoices = invoices;
  }

  public ApiResponse home(PortalRequest req) {
    CustomerObjects o = load(req);
    PortalAccess a = req.access();
    PortalConfiguration.Features f = req.features();
    Customer c = o.customer();
    String defaultMethod = c.invoiceSettings() == null ? null : c.invoiceSettings().defaultPaymentMethod();
    List<SubscriptionView> subscriptionViews = o.subscriptions().stream()
        .map(s -> new SubscriptionView(s, actions(req, s, o.paymentMethods(), defaultMethod)))
        .toList();
    return ApiResponse.ok(new Home(
        session(req),
        business(a.brand(), a.merchant(), req.configuration()),
        a.session().returnUrl() == null ? null : new ReturnLink(a.session().returnUrl(), PortalPageService.businessName(a.brand())),
        f,
        new CustomerView(c.id(), c.name(), c.email(), c.phone(), c.address(), c.shipping(), defaultMethod, o.taxIds()),
        subscriptionViews,
        f.paymentMethodUpdate().enabled() ? o.paymentMethods() : List.of(),
        f.invoiceHistory().enabled() ? new InvoiceList(o.invoices(), o.moreInvoices()) : null,
        productNames.of(req.context().scope(), o.subscriptions().stream()
            .flatMap(s -> s.items().data().stream().map(i -> i.price().productId())).toList())));
  }

  /**
   * {@code GET /p/api/subscriptions/{subscription}/upcoming}: the subscription's next charge, as the
   * billing core's create_preview computes it (pending prorations and discounts included). The home
   * page asks for it per subscription, so home data itself stays within its two round trips. A
   * subscription set to end has no next charge ({@code amount_due} null).
   */
  public ApiResponse upcoming(PortalRequest req) {
    String id = req.pathParameter("subscription");
    Subscription s = load(req).subscriptions().stream().filter(x -> x.id().equals(id)).findFirst()
        .orElseThrow(() -> new ApiError(404, ApiError.INVALID_REQUEST, "resource_missing", "subscription", "No such subscription: '" + id + "'"));
    if (s.cancelAtPeriodEnd() || s.cancelAt() != null || !Set.of("active", "trialing", "past_due").contains(s.status())) {
      return ApiResponse.ok(new Upcoming(id, null, s.currency(), null));
    }
    InvoiceService.ChangePreview p = invoices.previewChange(req.merchantRequest("POST /v1/invoices/create_preview",
        PortalRequest.form("customer", req.customerId(), "subscription", id)));
    Invoice next = p.next() != null ? p.next() : p.now();
    long at = s.trialEnd() != null && "trialing".equals(s.status()) ? s.trialEnd() : s.items().data().get(0).currentPeriodEnd();
    return ApiResponse.ok(new Upcoming(id, next.amountDue(), next.currency(), at));
  }

  /** @param amountDue null when nothing more will be charged (the subscription is set to end) */
  public record Upcoming(String subscription, Long amountDue, String currency, Long at) {
    @JsonProperty("object")
    public String object() { return "billing_portal.upcoming_charge"; }
  }

  /** The customer's objects; a customer deleted since the session began leaves nothing to show. */
  CustomerObjects load(PortalRequest req) {
    CustomerObjects o = objects.load(req.context().scope(), req.customerId(), RECENT_INVOICES);
    if (o == null) throw new ApiError(404, ApiError.INVALID_REQUEST, "resource_missing", null, "This customer no longer exists.");
    return o;
  }

  /** What the customer may do with {@code s}, judged at the subscription's own time (its test clock's, in test mode). */
  ActionsView actions(PortalRequest req, Subscription s, List<PaymentMethod> methods, String customerDefault) {
    String pmId = s.defaultPaymentMethod() != null ? s.defaultPaymentMethod() : customerDefault;
    Optional<PaymentMethod> pm = methods.stream().filter(m -> m.id().equals(pmId)).findFirst();
    long now = subscriptions.timeOf(req.context(), s.testClock()).now().getEpochSecond();
    SubscriptionActions act = SubscriptionActions.of(s, req.configuration(), pm, s.schedule() != null, now);
    return new ActionsView(act.mode().name().toLowerCase(Locale.ROOT),
        new Action(act.mode() == SubscriptionActions.Mode.UPDATE, act.updateKinds(), act.updateRefusal().orElse(null)),
        new Action(act.canCancel(), null, act.cancelRefusal().orElse(null)),
        new Action(act.canRenew(), null, null));
  }

  static SessionView session(PortalRequest req) {
    PortalSession s = req.session();
    long expiresAt = req.access().lifetime().expiresAt().getEpochSecond();
    return new SessionView(s.id(), s.customer(), s.locale(), s.flow(), expiresAt, Math.max(0, expiresAt - req.context().now().getEpochSecond()),
        req.csrfToken(), s.livemode());
  }

  /**
   * Seed: the headline defaults to "<business> partners with Portico for simplified billing."; the
   * terms and privacy links fall back to the account's public details.
   */
  static Business business(Account brand, Account merchant, PortalConfiguration c) {
    String name = PortalPageService.businessName(brand);
    PortalConfiguration.BusinessProfile p = c.businessProfile();
    String headline = p == null || p.headline() == null || p.headline().isBlank() ? name + " partners with Portico for simplified billing."
        : p.headline();
    String terms = p != null && p.termsOfServiceUrl() != null ? p.termsOfServiceUrl() : brand.termsOfServiceUrl();
    String privacy = p != null && p.privacyPolicyUrl() != null ? p.privacyPolicyUrl() : brand.privacyPolicyUrl();
    return new Business(name, headline, terms, privacy, brand.supportEmail(), brand.supportPhone(), brand.supportUrl(), brand.branding(),
        brand.id().equals(merchant.id()) ? null : brand.id());
  }

  /** The CSP {@code frame-ancestors} source list: none, unless the merchant allowed origins to embed the portal. */
  static String frameAncestors(PortalConfiguration c) {
    return c.allowedOrigins() == null || c.allowedOrigins().isEmpty() ? "'none'" : String.join(" ", c.allowedOrigins());
  }

  public record Home(SessionView session, Business business, ReturnLink returnLink, PortalConfiguration.Features features,
      CustomerView customer, List<SubscriptionView> subscriptions, List<PaymentMethod> paymentMethods, InvoiceList invoices,
      java.util.Map<String, String> productNames) {
    @JsonProperty("object")
    public String object() { return "billing_portal.home"; }
  }

  /** @param csrfToken send it back on every change made with the portal cookie; null for a bearer credential */
  /**
   * @param expiresIn seconds left, by the server's clock: a page times its warning from this, not from
   *     {@code expires_at} against the device's clock, which may be off
   */
  public record SessionView(String id, String customer, String locale, PortalSession.Flow flow, long expiresAt, long expiresIn, String csrfToken,
      boolean livemode) {}

  /** @param onBehalfOf the connected account whose brand this is; null for the merchant's own */
  public record Business(String name, String headline, String termsOfServiceUrl, String privacyPolicyUrl, String supportEmail,
      String supportPhone, String supportUrl, Account.Branding branding, String onBehalfOf) {}

  /** Shown only when the session has a return URL (seed): "Return to <business>". */
  public record ReturnLink(String url, String businessName) {}

  public record CustomerView(String id, String name, String email, String phone, Address address, Shipping shipping,
      String defaultPaymentMethod, List<JsonNode> taxIds) {}

  public record SubscriptionView(Subscription subscription, ActionsView actions) {}

  /** @param mode {@code update}, {@code cancel_only}, {@code renew} or {@code nothing} */
  public record ActionsView(String mode, Action update, Action cancel, Action renew) {}

  /** @param kinds for an update: {@code price}, {@code quantity}, {@code promotion_code}; @param reason why not, when refused */
  public record Action(boolean allowed, Set<String> kinds, Reason reason) {}

  public record InvoiceList(List<Invoice> data, boolean hasMore) {
    @JsonProperty("object")
    public String object() { return "list"; }
  }
}
