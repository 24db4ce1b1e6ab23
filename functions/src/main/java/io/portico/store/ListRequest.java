package io.portico.store;

/** Stripe's cursor pagination: {@code limit} (1–100), and at most one of the two cursors (object ids). */
public record ListRequest(int limit, String startingAfter, String endingBefore) {}
