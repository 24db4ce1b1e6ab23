package io.portico.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portico.api.ApiResponse;
import io.portico.domain.Address;
import io.portico.domain.Customer;
import io.portico.domain.Shipping;
import io.portico.domain.portal.Reason;
import io.portico.error.ApiError;
import io.portico.service.CustomerService;
import io.portico.service.TaxIdService;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer's billing details in the portal ({@code features.customer_update}): name, email,
 * phone, billing and shipping address, and tax IDs, each only when the configuration's
 * {@code allowed_updates} lists it. Only those fields are passed on to {@link CustomerService}
 * (never metadata, balance or anything else of the merchant's), tax IDs go through
 * {@link TaxIdService}, so the merchant sees the change and its events.
 */
@Singleton
public class PortalBillingDetails {
  static final String FEATURE = "customer_update";
  /** The customer fields the portal may change, each named as in {@code allowed_updates}. */
  static final List<String> FIELDS = List.of("name", "email", "phone", "address", "shipping");
  private static final List<String> ADDRESS_FIELDS = List.of("city", "country", "line1", "line2", "postal_code", "state");

  private final CustomerService customers;
  private final TaxIdService taxIds;

  public PortalBillingDetails(CustomerService customers, TaxIdService taxIds) {
    this.customers = customers;
    this.taxIds = taxIds;
  }

  /** What the portal shows of the customer after a change: the billing details, nothing of the merchant's. */
  public record Details(String id, String name, String email, String phone, Address address, Shipping shipping,
      String defaultPaymentMethod) {
    @JsonProperty("object")
    public String object() { return "billing_portal.customer_details"; }

    static Details of(Customer c) {
      return new Details(c.id(), c.name(), c.email(), c.phone(), c.address(), c.shipping(), c.invoiceSettings().defaultPaymentMethod());
    }
  }

  /**
   * {@code POST /p/api/customer}: {@code name}, {@code email}, {@code phone}, {@code address[…]},
   * {@code shipping[name|phone|address[…]]}, as in Stripe's customer update ("" clears a field). A field
   * the configuration does not allow is refused with 403 {@code customer_update_field_not_allowed}
   * naming it; anything else is an unknown parameter.
   */
  public ApiResponse update(PortalRequest r) {
    r.require(r.features().customerUpdate().enabled(), FEATURE);
    Params p = r.params();
    List<Object> form = new ArrayList<>();
    for (String field : FIELDS) {
      if (!p.has(field)) continue;
      requireAllowed(r, field);
      switch (field) {
        case "address" -> address(p, "address", form);
        case "shipping" -> {
          if (p.isEmptyString("shipping")) {
            form.add("shipping");
            form.add(p.string("shipping"));
          } else {
            Params s = p.requiredObject("shipping");
            for (String f : List.of("name", "phone")) {
              if (s.has(f)) {
                form.add("shipping[" + f + "]");
                form.add(s.string(f, 5000));
              }
            }
            address(s, "address", form);
          }
        }
        default -> {
          form.add(field);
          form.add(p.string(field, 5000));
        }
      }
    }
    p.rejectUnknown();
    Customer updated = (Customer) customers.update(r.merchantRequest("POST /v1/customers/{customer}", PortalRequest.form(form.toArray())),
        r.customerId()).body();
    return ApiResponse.ok(Details.of(updated));
  }

  /** Copies {@code name[…]} address fields (or {@code name=""}, which clears it) into {@code form}, under the same name. */
  private static void address(Params p, String name, List<Object> form) {
    String prefix = p.path(name);
    if (p.isEmptyString(name)) {
      form.add(prefix);
      form.add(p.string(name));
      return;
    }
    Params a = p.object(name);
    if (a == null) return;
    for (String f : ADDRESS_FIELDS) {
      if (a.has(f)) {
        form.add(prefix + "[" + f + "]");
        form.add(a.string(f, 5000));
      }
    }
  }

  /** {@code POST /p/api/tax_ids}: {@code type} and {@code value}, checked as the merchant API checks them. */
  public ApiResponse addTaxId(PortalRequest r) {
    r.require(r.features().customerUpdate().enabled(), FEATURE);
    requireAllowed(r, "tax_id");
    Params p = r.params();
    String type = p.string("type", 100);
    String value = p.string("value", 5000);
    p.rejectUnknown();
    return taxIds.create(r.merchantRequest("POST /v1/customers/{customer}/tax_ids", PortalRequest.form("type", type, "value", value)),
        r.customerId());
  }

  /** {@code DELETE /p/api/tax_ids/{tax_id}}: only the session customer's (404 for any other). */
  public ApiResponse removeTaxId(PortalRequest r) {
    r.require(r.features().customerUpdate().enabled(), FEATURE);
    requireAllowed(r, "tax_id");
    r.params().rejectUnknown();
    return taxIds.delete(r.merchantRequest("DELETE /v1/customers/{customer}/tax_ids/{tax_id}", Params.empty()), r.customerId(),
        r.pathParameter("tax_id"));
  }

  private static void requireAllowed(PortalRequest r, String field) {
    List<String> allowed = r.features().customerUpdate().allowedUpdates();
    if (allowed == null || !allowed.contains(field)) {
      Reason why = Reason.fieldNotUpdatable(field);
      throw new ApiError(403, ApiError.INVALID_REQUEST, why.code(), field, why.message()
          + " (features[customer_update][allowed_updates] of configuration " + r.configuration().id() + " does not include " + field + ")");
    }
  }
}
