package io.portico.store;

/** Stripe's timestamp list filter ({@code created[gte]=…&created[lt]=…}): Unix seconds, each bound optional. */
public record TimeRange(Long gt, Long gte, Long lt, Long lte) {}
