package org.mutualis.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
		byte[] body = this.json.writeValueAsBytes(problem);
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
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
