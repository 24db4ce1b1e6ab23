package io.portico.store;

import java.util.List;

public record ListPage<T>(List<T> data, boolean hasMore) {}
