package io.portico.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portico.api.ApiResponse;
import io.portico.domain.Invoice;
import io.portico.domain.PaymentMethod;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.Price;
import io.portico.domain.Product;
import io.portico.domain.PromotionCode;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.SubscriptionSchedule;
import io.portico.domain.portal.PlanChange;
import io.portico.domain.portal.Reason;
import io.portico.domain.portal.SubscriptionActions;
import io.portico.error.ApiError;
import io.portico.service.InvoiceService;
import io.portico.service.SubscriptionScheduleService;
import io.portico.service.SubscriptionService;
import io.portico.store.CustomerObjectsRepository.CustomerObjects;
import io.portico.store.InvoiceRepository;
import io.portico.store.PriceRepository;
import io.portico.store.ProductRepository;
import io.portico.store.PromotionCodeRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plan changes in the customer portal (issue #4 items 3, 4 and the update flows of 9): the choices
 * the configuration offers for one subscription, a preview of a change with the exact amounts the
 * billing core computes (create_preview), and its confirmation through the merchant API's services
 * (a subscription update now, or a subscription schedule for a change at period end). The seed's
 * rules ({@link SubscriptionActions}, {@link PlanChange}) decide first; a refusal is Stripe's 400
 * error with the rule's code and sentence, and writes nothing.
 */
@Singleton
public class PortalSubscriptionUpdate {
  static final String FEATURE = "subscription_update";
  /**
   * How long the {@code proration_date} of a preview may be confirmed: the session's idle lifetime.
   * A customer may not date a change back further (a downgrade dated to the period start would be
   * credited time they used).
   */
  static final long QUOTE_SECONDS = 3600;

  private final PortalHome home;
  private final SubscriptionRepository subscriptionRepository;
  private final PriceRepository prices;
  private final ProductRepository products;
  private final ProductNames productNames;
  private final PromotionCodeRepository promotionCodes;
  private final InvoiceRepository invoiceRepository;
  private final SubscriptionService subscriptions;
  private final InvoiceService invoices;
  private final SubscriptionScheduleService schedules;

  public PortalSubscriptionUpdate(PortalHome home, SubscriptionRepository subscriptionRepository, PriceRepository prices,
      ProductRepository products, ProductNames productNames, PromotionCodeRepository promotionCodes, InvoiceRepository invoiceRepository,
      SubscriptionService subscriptions, InvoiceService invoices, SubscriptionScheduleService schedules) {
    this.home = home;
    this.subscriptionRepository = subscriptionRepository;
    this.prices = prices;
    this.products = products;
    this.productNames = productNames;
    this.promotionCodes = promotionCodes;
    this.invoiceRepository = invoiceRepository;
    this.subscriptions = subscriptions;
    this.invoices = invoices;
    this.schedules = schedules;
  }

  // ---- GET /p/api/subscriptions/{subscription}/update_options ---------------------------------

  public ApiResponse options(PortalRequest req) {
    req.params().rejectUnknown();
    Owned o = owned(req, req.pathParameter("subscription"));
    requireUpdatable(o);
    SubscriptionItem item = o.item();
    Set<String> kinds = o.actions().updateKinds();
    PortalConfiguration.SubscriptionUpdate config = req.features().subscriptionUpdate();
    List<ProductOption> offered = new ArrayList<>();
    for (PortalConfiguration.Product listed : config.products() == null ? List.<PortalConfiguration.Product>of() : config.products()) {
      Versioned<Product> product = products.find(req.context().scope(), listed.product());
      if (product == null || product.deleted()) continue;
      List<PriceOption> options = new ArrayList<>();
      for (String priceId : listed.prices()) {
        Versioned<Price> found = prices.find(req.context().scope(), priceId);
        if (found == null || found.value().recurring() == null) continue;
        Price p = found.value();
        boolean current = p.id().equals(item.price().id());
        // The current price can be kept with another quantity; another one is judged as a switch at the current quantity.
        Reason why = current ? (kinds.contains("quantity") ? null : Reason.NO_CHANGE)
            : PlanChange.check(item, p, item.quantity(), req.configuration()).refusal().orElse(null);
        options.add(new PriceOption(p.id(), p.nickname(), p.unitAmount(), p.unitAmountDecimal(), p.currency(), p.recurring().interval(),
            p.recurring().intervalCount(), p.taxBehavior(), current, why == null, why));
      }
      offered.add(new ProductOption(product.value().id(), product.value().name(), product.value().description(), bounds(listed, kinds), options));
    }
    List<String> conditions = config.scheduleAtPeriodEnd() == null || config.scheduleAtPeriodEnd().conditions() == null ? List.of()
        : config.scheduleAtPeriodEnd().conditions().stream().map(PortalConfiguration.Condition::type).toList();
    return ApiResponse.ok(new UpdateOptions(o.subscription().id(), o.subscription().status(), kinds, current(item), offered,
        kinds.contains("promotion_code"), config.prorationBehavior(), config.trialUpdateBehavior(), conditions));
  }

  private static QuantityBounds bounds(PortalConfiguration.Product listed, Set<String> kinds) {
    PortalConfiguration.AdjustableQuantity q = listed.adjustableQuantity();
    boolean bounded = q != null && q.enabled();
    return new QuantityBounds(kinds.contains("quantity"), bounded ? Math.max(1, q.minimum()) : 1, bounded ? q.maximum() : null);
  }

  private static CurrentItem current(SubscriptionItem item) {
    Price p = item.price();
    return new CurrentItem(item.id(), p.id(), p.productId(), item.quantity(), p.unitAmount(), p.unitAmountDecimal(), p.currency(),
        p.recurring().interval(), p.recurring().intervalCount(), item.currentPeriodStart(), item.currentPeriodEnd());
  }

  // ---- POST /p/api/subscriptions/{subscription}/preview and …/update --------------------------

  public ApiResponse preview(PortalRequest req) {
    Ask ask = ask(req.params());
    req.params().rejectUnknown();
    Change c = check(req, owned(req, req.pathParameter("subscription")), ask);
    if (c.timing() == PlanChange.Timing.AT_PERIOD_END) {
      Invoice next = merchantCall(() -> invoices.previewAtPeriodEnd(req.context(), c.owned().subscription().id(), phaseItems(c)));
      return ApiResponse.ok(preview(req, c.owned(), c.target(), c.items(), List.of(), null, c.timing(), null, null, next));
    }
    long at = c.owned().now();
    InvoiceService.ChangePreview p = merchantCall(() -> invoices.previewChange(req.merchantRequest("POST /v1/invoices/create_preview",
        PortalRequest.form(previewFields(req, c.owned(), c.items(), discountsWith(c.owned(), c.promotion()), at)))));
    return ApiResponse.ok(preview(req, c.owned(), c.target(), c.items(), List.of(), c.promotion(), c.timing(), at, p.now(), p.next()));
  }

  public ApiResponse update(PortalRequest req) {
    Params params = req.params();
    Ask ask = ask(params);
    Long prorationDate = params.integer("proration_date");
    params.rejectUnknown();
    String id = req.pathParameter("subscription");
    Change c = check(req, owned(req, id), ask);
    PortalSession.AfterCompletion after = req.completes("subscription_update", id);
    if (c.timing() == PlanChange.Timing.AT_PERIOD_END) {
      SubscriptionSchedule schedule = merchantCall(() -> schedules.createWithPhases(req.merchantRequest("POST /v1/subscription_schedules",
          PortalRequest.form(scheduleFields(c).toArray()))));
      Subscription s = subscriptionRepository.find(req.context().scope(), id).value();
      return ApiResponse.ok(new UpdateResult(s, schedule, null, timing(c.timing()), c.owned().item().currentPeriodEnd(), after));
    }
    long at = prorationDate(c.owned(), prorationDate);
    return apply(req, c.owned(), c.items(), discountsWith(c.owned(), c.promotion()), at, after);
  }

  // ---- the subscription_update_confirm flow ----------------------------------------------------

  /** {@code GET /p/api/flow/update_confirm/preview}: what the change the merchant prepared for this session bills. */
  public ApiResponse flowPreview(PortalRequest req) {
    req.params().rejectUnknown();
    Prepared p = prepared(req);
    long at = p.owned().now();
    InvoiceService.ChangePreview preview = merchantCall(() -> invoices.previewChange(req.merchantRequest("POST /v1/invoices/create_preview",
        PortalRequest.form(previewFields(req, p.owned(), p.items(), p.discounts(), at)))));
    return ApiResponse.ok(preview(req, p.owned(), null, p.items(), p.flow().discounts(), null, PlanChange.Timing.IMMEDIATE, at, preview.now(),
        preview.next()));
  }

  /** {@code POST /p/api/flow/update_confirm}: applies exactly the prepared change (the customer chooses nothing but to confirm). */
  public ApiResponse flowConfirm(PortalRequest req) {
    Long prorationDate = req.params().integer("proration_date");
    req.params().rejectUnknown();
    Prepared p = prepared(req);
    long at = prorationDate(p.owned(), prorationDate);
    return apply(req, p.owned(), p.items(), p.discounts(), at,
        req.completes("subscription_update_confirm", p.owned().subscription().id()));
  }

  private record Prepared(Owned owned, PortalSession.SubscriptionUpdateConfirm flow, List<ItemChange> items, List<NewDiscount> discounts) {}

  /**
   * The session's prepared change, judged by the seed's limits (several products, metered, paid by
   * invoice, a pending schedule, the tax rule, …) but not by the configuration's lists of products
   * and allowed updates: the merchant chose this change, the customer only confirms it.
   */
  private Prepared prepared(PortalRequest req) {
    req.require(req.features().subscriptionUpdate().enabled(), FEATURE);
    PortalSession.Flow flow = req.session().flow();
    if (flow == null || !"subscription_update_confirm".equals(flow.type()) || flow.subscriptionUpdateConfirm() == null) {
      throw refused(Reason.NO_UPDATE_TO_CONFIRM, null);
    }
    PortalSession.SubscriptionUpdateConfirm prepared = flow.subscriptionUpdateConfirm();
    Owned o = owned(req, prepared.subscription());
    Optional<Reason> refusal = o.actions().updateRefusal()
        .filter(r -> !r.equals(Reason.PRODUCT_NOT_OFFERED) && !r.equals(Reason.NOTHING_TO_UPDATE));
    if (refusal.isPresent()) throw refused(refusal.get(), null);
    List<ItemChange> items = new ArrayList<>();
    boolean changes = false;
    for (PortalSession.Item i : prepared.items() == null ? List.<PortalSession.Item>of() : prepared.items()) {
      SubscriptionItem current = o.subscription().items().data().stream().filter(x -> x.id().equals(i.id())).findFirst().orElse(null);
      if (current == null) {
        changes = true; // a new item (its price is checked by the subscription service)
      } else {
        if (i.price() != null && !i.price().equals(current.price().id())) {
          Versioned<Price> target = prices.find(req.context().scope(), i.price());
          if (target == null) throw refused(Reason.PRICE_NOT_OFFERED, null);
          Optional<Reason> tax = PlanChange.taxProblem(current.price(), target.value());
          if (tax.isPresent()) throw refused(tax.get(), null);
          changes = true;
        }
        changes |= i.quantity() != null && i.quantity() != current.quantity();
      }
      items.add(new ItemChange(i.id(), i.price(), i.quantity()));
    }
    // Confirmed once: the same link cannot apply (and redeem its discounts) a second time.
    if (!changes) throw refused(Reason.NO_CHANGE, null);
    List<NewDiscount> discounts = new ArrayList<>();
    for (PortalSession.Discount d : prepared.discounts() == null ? List.<PortalSession.Discount>of() : prepared.discounts()) {
      discounts.add(new NewDiscount(d.coupon(), d.promotionCode()));
    }
    return new Prepared(o, prepared, items, discounts);
  }

  // ---- the rules ---------------------------------------------------------------------------------

  /** A subscription of the session's customer, with what the portal lets them do with it, judged at its own time. */
  private record Owned(Subscription subscription, SubscriptionActions actions, long now) {
    SubscriptionItem item() {
      return subscription.items().data().get(0);
    }

    boolean trialing() {
      return "trialing".equals(subscription.status());
    }
  }

  /**
   * The session customer's subscription {@code id}: another customer's (or merchant's) is
   * answered as an unknown id is, 404, before anything is read of it or changed.
   */
  private Owned owned(PortalRequest req, String id) {
    req.require(req.features().subscriptionUpdate().enabled(), FEATURE);
    CustomerObjects o = home.load(req);
    Subscription s = o.subscriptions().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    if (s == null) {
      // Ended subscriptions are not among the customer's objects: one of theirs is refused as ended, any other id does not exist.
      Versioned<Subscription> found = id == null ? null : subscriptionRepository.find(req.context().scope(), id);
      if (found == null || !req.customerId().equals(found.value().customerId())) throw ApiError.noSuch("subscription", id, null);
      s = found.value();
    }
    String customerDefault = o.customer().invoiceSettings() == null ? null : o.customer().invoiceSettings().defaultPaymentMethod();
    String pmId = s.defaultPaymentMethod() != null ? s.defaultPaymentMethod() : customerDefault;
    Optional<PaymentMethod> pm = o.paymentMethods().stream().filter(m -> m.id().equals(pmId)).findFirst();
    long now = subscriptions.timeOf(req.context(), s.testClock()).now().getEpochSecond();
    return new Owned(s, SubscriptionActions.of(s, req.configuration(), pm, s.schedule() != null, now), now);
  }

  private static void requireUpdatable(Owned o) {
    if (o.actions().mode() != SubscriptionActions.Mode.UPDATE) throw refused(o.actions().updateRefusal().orElse(Reason.UPDATE_DISABLED), null);
  }

  /** What the customer asks: a price and/or a quantity (each defaults to the current one) and a promotion code. */
  private record Ask(String price, Long quantity, String promotionCode) {}

  private static Ask ask(Params p) {
    String price = p.nonEmptyString("price", 5000);
    Long quantity = p.integer("quantity", 0, 1_000_000);
    String code = p.string("promotion_code", 500);
    return new Ask(price, quantity, code == null || code.isBlank() ? null : code.trim());
  }

  /** A change the rules allow: the item as it will be, when it takes effect, and the promotion code that comes with it. */
  private record Change(Owned owned, Price target, long quantity, PlanChange.Timing timing, PromotionCode promotion) {
    List<ItemChange> items() {
      return List.of(new ItemChange(owned.item().id(), target.id(), quantity));
    }
  }

  private Change check(PortalRequest req, Owned o, Ask ask) {
    requireUpdatable(o);
    SubscriptionItem item = o.item();
    Price target = item.price();
    if (ask.price() != null && !ask.price().equals(target.id())) {
      Versioned<Price> found = prices.find(req.context().scope(), ask.price());
      if (found == null) throw refused(Reason.PRICE_NOT_OFFERED, "price");
      target = found.value();
    }
    long quantity = ask.quantity() == null ? item.quantity() : ask.quantity();
    PlanChange change = PlanChange.check(item, target, quantity, req.configuration());
    if (!change.allowed()) throw refused(change.refusal().get(), paramOf(change.refusal().get()));
    // During a trial, trial_update_behavior decides at once: only a paid period has an end worth waiting for.
    PlanChange.Timing timing = o.trialing() ? PlanChange.Timing.IMMEDIATE : change.timing();
    PromotionCode promotion = null;
    if (ask.promotionCode() != null) {
      if (!o.actions().updateKinds().contains("promotion_code")) throw refused(Reason.PROMOTION_CODE_NOT_ALLOWED, "promotion_code");
      if (timing == PlanChange.Timing.AT_PERIOD_END) throw refused(Reason.PROMOTION_CODE_SCHEDULED_CHANGE, "promotion_code");
      Versioned<PromotionCode> found = promotionCodes.findActiveByCode(req.context().scope(), ask.promotionCode());
      if (found == null) throw refused(Reason.PROMOTION_CODE_INVALID, "promotion_code");
      promotion = found.value();
    }
    return new Change(o, target, quantity, timing, promotion);
  }

  /** The proration date to confirm with: the preview's (within its validity), or now. */
  private static long prorationDate(Owned o, Long given) {
    if (given == null) return o.now();
    if (given > o.now()) {
      throw ApiError.invalid("parameter_invalid", "proration_date", "proration_date is in the future: send back the one the preview returned.");
    }
    if (given < o.now() - QUOTE_SECONDS || given < o.item().currentPeriodStart()) throw refused(Reason.PREVIEW_EXPIRED, "proration_date");
    return given;
  }

  private static String paramOf(Reason r) {
    if (r.code().startsWith("quantity")) return "quantity";
    if (r.equals(Reason.NO_CHANGE)) return null;
    return "price";
  }

  private static ApiError refused(Reason r, String param) {
    return ApiError.invalid(r.code(), param, r.message());
  }

  // ---- the merchant API's services -------------------------------------------------------------

  private record ItemChange(String id, String price, Long quantity) {}

  private record NewDiscount(String coupon, String promotionCode) {}

  /** The subscription's discounts are kept; {@code added} come on top (discounts on an update replace the list). */
  private static List<Object> discountFields(Owned o, List<NewDiscount> added) {
    List<Object> f = new ArrayList<>();
    if (added.isEmpty()) return f;
    int n = 0;
    for (String existing : o.subscription().discounts()) {
      f.add("discounts[" + n++ + "][discount]");
      f.add(existing);
    }
    for (NewDiscount d : added) {
      f.add("discounts[" + n + "][coupon]");
      f.add(d.coupon());
      f.add("discounts[" + n++ + "][promotion_code]");
      f.add(d.promotionCode());
    }
    return f;
  }

  private static List<NewDiscount> discountsWith(Owned o, PromotionCode promotion) {
    return promotion == null ? List.of() : List.of(new NewDiscount(null, promotion.id()));
  }

  /**
   * The change as update parameters, named under {@code under} ({@code subscription_details} for
   * create_preview, nothing for an update): the items, the configuration's proration behavior and
   * billing cycle anchor, and during a trial its trial_update_behavior.
   */
  private static List<Object> changeFields(PortalRequest req, Owned o, List<ItemChange> items, long prorationDate, String under) {
    PortalConfiguration.SubscriptionUpdate config = req.features().subscriptionUpdate();
    List<Object> f = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      f.add(named(under, "items[" + i + "][id]"));
      f.add(items.get(i).id());
      f.add(named(under, "items[" + i + "][price]"));
      f.add(items.get(i).price());
      f.add(named(under, "items[" + i + "][quantity]"));
      f.add(items.get(i).quantity());
    }
    f.add(named(under, "proration_behavior"));
    f.add(config.prorationBehavior() == null ? "none" : config.prorationBehavior());
    f.add(named(under, "proration_date"));
    f.add(prorationDate);
    if ("now".equals(config.billingCycleAnchor()) && !o.trialing()) {
      f.add(named(under, "billing_cycle_anchor"));
      f.add("now");
    }
    if (o.trialing()) {
      // end_trial (Stripe's default): the trial ends and the new plan is invoiced now; continue_trial: its end stays.
      boolean keep = "continue_trial".equals(config.trialUpdateBehavior());
      f.add(named(under, "trial_end"));
      f.add(keep ? String.valueOf(o.subscription().trialEnd()) : "now");
    }
    return f;
  }

  private static Object[] previewFields(PortalRequest req, Owned o, List<ItemChange> items, List<NewDiscount> discounts, long prorationDate) {
    List<Object> f = new ArrayList<>(List.of("customer", req.customerId(), "subscription", o.subscription().id()));
    f.addAll(changeFields(req, o, items, prorationDate, "subscription_details"));
    f.addAll(discountFields(o, discounts));
    return f.toArray();
  }

  /** {@code items[0][id]} under {@code subscription_details} is {@code subscription_details[items][0][id]}. */
  private static String named(String under, String name) {
    if (under.isEmpty()) return name;
    int bracket = name.indexOf('[');
    return bracket < 0 ? under + "[" + name + "]" : under + "[" + name.substring(0, bracket) + "]" + name.substring(bracket);
  }

  /** A change now: SubscriptionService.update, as the merchant's POST /v1/subscriptions/{id} would make it. */
  private ApiResponse apply(PortalRequest req, Owned o, List<ItemChange> items, List<NewDiscount> discounts, long prorationDate,
      PortalSession.AfterCompletion after) {
    String id = o.subscription().id();
    List<Object> f = changeFields(req, o, items, prorationDate, "");
    f.addAll(discountFields(o, discounts));
    ApiResponse r = merchantCall(() -> subscriptions.update(req.merchantRequest("POST /v1/subscriptions/{subscription}",
        PortalRequest.form(f.toArray())), id));
    Subscription s = (Subscription) r.body();
    Invoice invoice = null;
    if (s.latestInvoiceId() != null && !s.latestInvoiceId().equals(o.subscription().latestInvoiceId())) {
      Versioned<Invoice> issued = invoiceRepository.find(req.context().scope(), s.latestInvoiceId());
      invoice = issued == null ? null : issued.value();
    }
    return ApiResponse.ok(new UpdateResult(s, null, invoice, timing(PlanChange.Timing.IMMEDIATE), prorationDate, after));
  }

  /**
   * A change at period end: a schedule made from the subscription whose first phase is what it
   * bills now, up to the end of the current period, and whose second phase bills the new item for a
   * period; the schedule then releases the subscription, which carries on with it.
   */
  private static List<Object> scheduleFields(Change c) {
    Subscription s = c.owned().subscription();
    List<Object> f = new ArrayList<>(List.of("from_subscription", s.id(), "end_behavior", "release"));
    f.add("phases[0][end_date]");
    f.add(c.owned().item().currentPeriodEnd());
    List<SubscriptionItem> items = s.items().data();
    List<SubscriptionSchedule.PhaseItem> next = phaseItems(c);
    for (int i = 0; i < items.size(); i++) addPhaseItem(f, 0, i, items.get(i).price().id(), items.get(i).quantity(), items.get(i).metadata());
    for (int i = 0; i < next.size(); i++) addPhaseItem(f, 1, i, next.get(i).price(), next.get(i).quantity(), next.get(i).metadata());
    f.add("phases[1][proration_behavior]");
    f.add("none");
    return f;
  }

  private static void addPhaseItem(List<Object> f, int phase, int index, String price, long quantity, Map<String, String> metadata) {
    String at = "phases[" + phase + "][items][" + index + "]";
    f.add(at + "[price]");
    f.add(price);
    f.add(at + "[quantity]");
    f.add(quantity);
    if (metadata != null) {
      metadata.forEach((k, v) -> {
        f.add(at + "[metadata][" + k + "]");
        f.add(v);
      });
    }
  }

  /** The subscription's items once the change applies: the first one moved to the new price and quantity. */
  private static List<SubscriptionSchedule.PhaseItem> phaseItems(Change c) {
    List<SubscriptionSchedule.PhaseItem> out = new ArrayList<>();
    List<SubscriptionItem> items = c.owned().subscription().items().data();
    for (int i = 0; i < items.size(); i++) {
      SubscriptionItem item = items.get(i);
      out.add(i == 0 ? new SubscriptionSchedule.PhaseItem(c.target().id(), c.quantity(), item.metadata())
          : new SubscriptionSchedule.PhaseItem(item.price().id(), item.quantity(), item.metadata()));
    }
    return out;
  }

  /**
   * Runs a merchant service for the customer. Its refusals name merchant API parameters; the
   * customer sent portal ones, so those are named instead ({@code discounts[1][promotion_code]} is
   * the customer's {@code promotion_code}).
   */
  private static <T> T merchantCall(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiError e) {
      if (e.param() == null) throw e;
      String param = e.param().startsWith("discounts") ? "promotion_code"
          : e.param().contains("proration_date") ? "proration_date"
          : e.param().endsWith("[quantity]") ? "quantity"
          : e.param().endsWith("[price]") ? "price" : null;
      ApiError renamed = new ApiError(e.status(), e.type(), e.code(), param, e.getMessage());
      e.extra().forEach(renamed::with);
      throw renamed;
    }
  }

  // ---- answers ---------------------------------------------------------------------------------

  private static String timing(PlanChange.Timing t) {
    return t == PlanChange.Timing.AT_PERIOD_END ? "at_period_end" : "immediately";
  }

  /** @param target the price the customer chose, already read by the checks; null for a prepared change */
  private Preview preview(PortalRequest req, Owned o, Price target, List<ItemChange> items, List<PortalSession.Discount> discounts,
      PromotionCode promotion, PlanChange.Timing timing, Long prorationDate, Invoice now, Invoice next) {
    long effective = timing == PlanChange.Timing.AT_PERIOD_END ? o.item().currentPeriodEnd() : prorationDate;
    return new Preview(o.subscription().id(), items.stream().map(i -> previewItem(req, o, target, i)).toList(), discounts,
        promotion == null ? null : new PromotionCodeView(promotion.id(), promotion.code()), timing(timing), effective,
        timing == PlanChange.Timing.AT_PERIOD_END ? null : req.features().subscriptionUpdate().prorationBehavior(), prorationDate,
        o.subscription().currency(), now == null ? 0 : now.amountDue(), now, next.amountDue(), next.periodStart(), next);
  }

  /**
   * @param kinds what may change: {@code price}, {@code quantity}, {@code promotion_code}
   * @param scheduleAtPeriodEnd the configuration's conditions for a change to wait for the period end
   */
  public record UpdateOptions(String subscription, String status, Set<String> kinds, CurrentItem current, List<ProductOption> products,
      boolean promotionCodes, String prorationBehavior, String trialUpdateBehavior, List<String> scheduleAtPeriodEnd) {
    @JsonProperty("object")
    public String object() { return "billing_portal.subscription_update_options"; }
  }

  public record CurrentItem(String id, String price, String product, long quantity, Long unitAmount, String unitAmountDecimal, String currency,
      String interval, long intervalCount, long currentPeriodStart, long currentPeriodEnd) {}

  public record ProductOption(String id, String name, String description, QuantityBounds quantity, List<PriceOption> prices) {}

  /** @param adjustable whether the quantity may change; @param maximum null: no upper bound */
  public record QuantityBounds(boolean adjustable, long minimum, Long maximum) {}

  /** @param available whether the customer may switch to it (at the current quantity); @param reason why not */
  public record PriceOption(String id, String nickname, Long unitAmount, String unitAmountDecimal, String currency, String interval,
      long intervalCount, String taxBehavior, boolean current, boolean available, Reason reason) {}

  /**
   * What a change would bill, from the billing core's create_preview.
   *
   * @param timing {@code immediately} or {@code at_period_end} (a subscription schedule)
   * @param effectiveAt when the new plan starts: the proration date, or the end of the current period
   * @param prorationDate send it back with the confirmation so it bills exactly this; null for a change at period end
   * @param amountDueNow what is invoiced and charged at once (0 when the prorations wait for the next invoice)
   * @param invoiceNow that invoice, when there is one
   * @param amountDueNext the next regular invoice (with the waiting prorations, at the new price)
   * @param nextInvoiceAt when that invoice is issued (its period's start)
   */
  public record Preview(String subscription, List<PreviewItem> items, List<PortalSession.Discount> discounts, PromotionCodeView promotionCode,
      String timing, long effectiveAt, String prorationBehavior, Long prorationDate, String currency, long amountDueNow, Invoice invoiceNow,
      long amountDueNext, long nextInvoiceAt, Invoice nextInvoice) {
    @JsonProperty("object")
    public String object() { return "billing_portal.subscription_update_preview"; }
  }

  /** @param product the product the item bills after the change, and its name: the page names the plan by it */
  public record PreviewItem(String id, String price, Long quantity, String product, String productName) {}

  /** A changed item with its product's name: a prepared change (update_confirm) may move to a plan no page of the portal lists. */
  private PreviewItem previewItem(PortalRequest req, Owned o, Price target, ItemChange i) {
    String priceId = i.price() != null ? i.price() : o.subscription().items().data().stream()
        .filter(x -> x.id().equals(i.id())).map(x -> x.price().id()).findFirst().orElse(null);
    String product = productOf(req, o, target, priceId);
    // the name as home shows it (kept a minute): one round trip fewer per changed item
    String name = product == null ? null : productNames.of(req.context().scope(), List.of(product)).get(product);
    return new PreviewItem(i.id(), i.price(), i.quantity(), product, name);
  }

  /**
   * The product a price bills. A price's product never changes, so a price this request already
   * holds (the one the customer chose, or one of the subscription's items) answers without a read.
   */
  private String productOf(PortalRequest req, Owned o, Price target, String priceId) {
    if (priceId == null) return null;
    if (target != null && target.id().equals(priceId)) return target.productId();
    for (SubscriptionItem x : o.subscription().items().data()) {
      if (x.price().id().equals(priceId)) return x.price().productId();
    }
    Versioned<Price> price = prices.find(req.context().scope(), priceId);
    return price == null ? null : price.value().productId();
  }

  public record PromotionCodeView(String id, String code) {}

  /**
   * A confirmed change: the subscription as it now is, the schedule that will change it at period
   * end, or the invoice the change issued (paid with the customer's default payment method when it
   * could be), and where the customer goes next.
   */
  public record UpdateResult(Subscription subscription, SubscriptionSchedule schedule, Invoice invoice, String timing, long effectiveAt,
      PortalSession.AfterCompletion afterCompletion) {
    @JsonProperty("object")
    public String object() { return "billing_portal.subscription_update"; }
  }
}
