package io.portico.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Stripe's list object. */
public record ListObject(List<?> data, boolean hasMore, String url) {
  @JsonProperty("object")
  public String object() { return "list"; }
}
