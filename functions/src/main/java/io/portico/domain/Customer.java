package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A merchant's customer, field for field as Stripe's {@code customer} object. */
public record Customer(
    String id,
    Address address,
    long balance,
    long created,
    String currency,
    String defaultSource,
    boolean delinquent,
    String description,
    Object discount,
    String email,
    String invoicePrefix,
    InvoiceSettings invoiceSettings,
    boolean livemode,
    Map<String, String> metadata,
    String name,
    long nextInvoiceSequence,
    String phone,
    List<String> preferredLocales,
    Shipping shipping,
    String taxExempt,
    String testClock) {

  public static final String OBJECT = "customer";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record InvoiceSettings(Object customFields, String defaultPaymentMethod, String footer, Object renderingOptions) {}

  public Customer withDefaultPaymentMethod(String paymentMethod) {
    InvoiceSettings s = invoiceSettings;
    return new Customer(id, address, balance, created, currency, defaultSource, delinquent, description, discount, email, invoicePrefix,
        new InvoiceSettings(s.customFields(), paymentMethod, s.footer(), s.renderingOptions()), livemode, metadata, name,
        nextInvoiceSequence, phone, preferredLocales, shipping, taxExempt, testClock);
  }
}
