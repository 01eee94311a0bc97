package dev.shabdam.gateway.security;

/** The tenant a request's API key belongs to; controllers take it as an argument. */
public record Tenant(String id) {}
