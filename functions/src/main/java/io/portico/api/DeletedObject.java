package io.portico.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Stripe's answer for a deleted object: {@code {"id": ..., "object": ..., "deleted": true}}. */
public record DeletedObject(String id, @JsonProperty("object") String object, boolean deleted) {}
