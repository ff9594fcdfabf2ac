package org.mutualis.gateway.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hardening headers go on which answer, without a server. */
class SecurityHeadersTest {

	private final SecurityHeaders headers = new SecurityHeaders(new GatewayProperties(
			new GatewayProperties.Services(List.of(URI.create("http://i")), List.of(URI.create("http://l")),
					List.of(URI.create("http://b")), List.of(URI.create("http://n")), List.of(URI.create("http://w"))), List.of(), List.of(), List.of(),
			DataSize.ofMegabytes(1), Duration.ofSeconds(30), "default-src 'self'; frame-ancestors 'none'",
			"no-referrer"));

	@Test
	void strictTransportSecurityOnlyOverHttps() {
		assertThat(answer("https://mutualis.example/", MediaType.TEXT_HTML).getFirst("Strict-Transport-Security"))
			.isEqualTo(SecurityHeaders.HSTS);
		assertThat(answer("http://mutualis.example/", MediaType.TEXT_HTML).getFirst("Strict-Transport-Security"))
			.isNull();
	}

	@Test
	void contentSecurityPolicyOnHtmlOnly() {
		assertThat(answer("http://mutualis.example/", MediaType.TEXT_HTML).getFirst("Content-Security-Policy"))
			.isEqualTo("default-src 'self'; frame-ancestors 'none'");
		assertThat(answer("http://mutualis.example/app.js", MediaType.valueOf("text/javascript"))
			.getFirst("Content-Security-Policy")).isNull();
	}

	@Test
	void apiAnswersAreNotStoredWhateverTheServiceSaid() {
		HttpHeaders answer = answer("http://mutualis.example/api/listings/1", MediaType.APPLICATION_JSON);
		assertThat(answer.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(answer.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(answer.getFirst("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void anAnswerTheServiceLetsOnlyTheAskerKeepIsLeftSo() {
		// booking's calendar feeds: calendar applications poll them, and may keep each answer five minutes
		assertThat(answer("http://mutualis.example/api/bookings/calendar/feeds/t.ics", MediaType.valueOf("text/calendar"),
				"private, max-age=300").getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, max-age=300");
		assertThat(answer("http://mutualis.example/api/bookings/1", MediaType.APPLICATION_JSON, "public, max-age=300")
			.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(answer("http://mutualis.example/api/bookings/1", MediaType.APPLICATION_JSON, "private")
			.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
	}

	private HttpHeaders answer(String url, MediaType type) {
		return answer(url, type, "max-age=3600");
	}

	private HttpHeaders answer(String url, MediaType type, String cacheControl) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
		this.headers.filter(exchange, (filtered) -> {
			filtered.getResponse().getHeaders().setContentType(type);
			filtered.getResponse().getHeaders().setCacheControl(cacheControl);
			return filtered.getResponse().setComplete();
		}).block(Duration.ofSeconds(5));
		return exchange.getResponse().getHeaders();
	}

}
