package org.example;

// planted (never compiled): binds mutualis.gateway.rate-limit.enabled only
@ConfigurationProperties("mutualis.gateway.rate-limit")
record RateLimitProperties(boolean enabled) {
}
