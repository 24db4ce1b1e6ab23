package io.portico.store;

/** A stored object with the version its next conditional replace must match. */
public record Versioned<T>(T value, long version, long createdMs, boolean deleted) {}
