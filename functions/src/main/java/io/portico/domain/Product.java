package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** What a merchant sells, field for field as Stripe's {@code product}. */
public record Product(
    String id,
    boolean active,
    long created,
    String defaultPrice,
    String description,
    List<String> images,
    boolean livemode,
    List<MarketingFeature> marketingFeatures,
    Map<String, String> metadata,
    String name,
    Object packageDimensions,
    Boolean shippable,
    String statementDescriptor,
    String taxCode,
    String type,
    String unitLabel,
    long updated,
    String url) {

  public static final String OBJECT = "product";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record MarketingFeature(String name) {}
}
