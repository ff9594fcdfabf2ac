package org.mutualis.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Writes RFC 9457 problem details whose {@code detail} speaks the caller's language and carries French and English. */
@Component
public class ProblemResponses {

	/** Prefix of every problem type URI, the same as the services use. */
	public static final String TYPE_PREFIX = "urn:mutualis:problem:";

	private static final List<Locale> LANGUAGES = List.of(Locale.CANADA_FRENCH, Locale.ENGLISH);

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/**
	 * Answers the exchange with a problem, unless the response is already under way.
	 * @param exchange the exchange
	 * @param status HTTP status
	 * @param type stable short name, becomes {@code urn:mutualis:problem:<type>}
	 * @param messageKey key of the human message in {@code problems.properties}
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String messageKey) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Locale locale = languageOf(exchange.getRequest().getHeaders());
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + type);
		problem.put("title", message("problem.title." + status.value(), locale));
		problem.put("status", status.value());
		problem.put("detail", message(messageKey, locale));
		problem.put("instance", exchange.getRequest().getPath().value());
		Map<String, String> both = new LinkedHashMap<>();
		for (Locale language : LANGUAGES) {
			both.put(language.getLanguage(), message(messageKey, language));
		}
		problem.put("messages", both);
		boolean page = isPageRequest(exchange);
		byte[] body = page ? page(locale, (String) problem.get("title"), (String) problem.get("detail"), both)
				: this.json.writeValueAsBytes(problem);
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(page ? new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)
				: MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * Whether a person's browser asked for a page (a link followed, a form posted: not under {@code /api/}, HTML
	 * accepted): the refusal is then a small page in the web application's style, not JSON a person cannot read.
	 */
	private static boolean isPageRequest(ServerWebExchange exchange) {
		if (exchange.getRequest().getPath().value().startsWith("/api/")) {
			return false;
		}
		List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
		return accepted.stream().anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
	}

	private byte[] page(Locale locale, String title, String detail, Map<String, String> both) {
		Locale other = locale.getLanguage().equals("en") ? Locale.CANADA_FRENCH : Locale.ENGLISH;
		String html = """
				<!DOCTYPE html>
				<html lang="%s">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · Mutualis</title><link rel="stylesheet" href="/css/mutualis.css"></head>
				<body><main id="contenu"><h1>%s</h1><p>%s</p><p lang="%s">%s</p>
				<p><a href="/">%s</a></p></main></body>
				</html>
				""".formatted(locale.toLanguageTag(), escape(title), escape(title), escape(detail),
				other.toLanguageTag(), escape(both.get(other.getLanguage())),
				escape(message("page.home", locale)));
		return html.getBytes(StandardCharsets.UTF_8);
	}

	private static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * The caller's language among French and English, French when the caller expresses no preference for either.
	 * @param headers request headers
	 * @return {@link Locale#CANADA_FRENCH} or {@link Locale#ENGLISH}
	 */
	static Locale languageOf(HttpHeaders headers) {
		String accepted = headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE);
		if (accepted == null || accepted.isBlank()) {
			return Locale.CANADA_FRENCH;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted)) {
				String language = range.getRange().split("-")[0];
				if (language.equals("en")) {
					return Locale.ENGLISH;
				}
				if (language.equals("fr") || language.equals("*")) {
					return Locale.CANADA_FRENCH;
				}
			}
		}
		catch (IllegalArgumentException malformed) {
			// a garbled Accept-Language is no reason to refuse; answer in French
		}
		return Locale.CANADA_FRENCH;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
