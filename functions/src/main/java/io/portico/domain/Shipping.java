package io.portico.domain;

public record Shipping(Address address, String name, String phone) {}
