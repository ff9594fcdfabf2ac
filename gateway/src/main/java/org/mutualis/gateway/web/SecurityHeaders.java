package org.mutualis.gateway.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.mutualis.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds the browser-hardening headers to every answer, the gateway's own and the services': CSP on HTML,
 * anti-sniffing and anti-framing everywhere, HSTS on HTTPS only, and {@code no-store} on API answers (unless the
 * service allowed only the asker to keep one: {@code private, max-age}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders implements WebFilter {

	static final String HSTS = "max-age=31536000; includeSubDomains";

	private final String contentSecurityPolicy;

	private final String referrerPolicy;

	SecurityHeaders(GatewayProperties properties) {
		this.contentSecurityPolicy = properties.contentSecurityPolicy();
		this.referrerPolicy = properties.referrerPolicy();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			apply(exchange);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void apply(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Referrer-Policy", this.referrerPolicy);
		MediaType type = headers.getContentType();
		if (type != null && MediaType.TEXT_HTML.isCompatibleWith(type)) {
			headers.set("Content-Security-Policy", this.contentSecurityPolicy);
		}
		if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
			headers.set("Strict-Transport-Security", HSTS);
		}
		else {
			// HSTS over plain HTTP is meaningless to browsers and must not leak from a service
			headers.remove("Strict-Transport-Security");
		}
		if (exchange.getRequest().getPath().value().startsWith("/api/") && !privateOnly(headers.getCacheControl())) {
			headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
			headers.remove(HttpHeaders.EXPIRES);
		}
	}

	/**
	 * Whether a service allowed only the asker itself to keep its answer a while ({@code private, max-age=…}: the
	 * calendar feeds, which calendar applications poll): no shared cache may store it, so the gateway leaves it.
	 */
	private static boolean privateOnly(@Nullable String cacheControl) {
		if (cacheControl == null) {
			return false;
		}
		List<String> directives = Arrays.stream(cacheControl.toLowerCase(Locale.ROOT).split(","))
			.map(String::strip)
			.toList();
		return directives.contains("private") && directives.stream().anyMatch((d) -> d.startsWith("max-age="))
				&& directives.stream().noneMatch((d) -> d.equals("public") || d.startsWith("s-maxage"));
	}

}
