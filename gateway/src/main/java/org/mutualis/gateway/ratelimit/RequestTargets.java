package org.mutualis.gateway.ratelimit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds whom a sensitive call is about — an e-mail address or a link's token in its body, or the person of its
 * valid token — reading the body once and handing it on unchanged. Targets are hashed, so no address or token is
 * kept as a counter's name.
 */
class RequestTargets {

	/** The person of the call's valid token, as a target field. */
	static final String PERSON = "$person";

	/** The bodies of the calls that have a target are small forms and JSON objects; a larger one is refused. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private final JsonMapper json;

	RequestTargets(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Reads the target of a call.
	 * @param exchange the exchange
	 * @param fields where to look, in order (see {@link RateLimitProperties.PerTarget})
	 * @return the exchange to go on with (its body can be read again) and the hashed target, if one was found; an
	 * {@link org.springframework.core.io.buffer.DataBufferLimitException} when the body exceeds
	 * {@link #MAX_BODY_BYTES}
	 */
	Mono<Read> read(ServerWebExchange exchange, List<String> fields) {
		Mono<Optional<String>> person = fields.contains(PERSON) ? exchange.getPrincipal()
			.filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
			.map(Principal::getName)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty()) : Mono.just(Optional.empty());
		List<String> bodyFields = fields.stream().filter((field) -> !PERSON.equals(field)).toList();
		if (bodyFields.isEmpty()) {
			return person.map((found) -> new Read(exchange, found.map(RequestTargets::hash).orElse(null)));
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
			.map(RequestTargets::bytesOf)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> {
				ServerWebExchange replayed = exchange.mutate().request(replaying(exchange, body)).build();
				String inBody = inBody(body, exchange.getRequest().getHeaders().getContentType(), bodyFields);
				if (inBody != null) {
					return Mono.just(new Read(replayed, hash(inBody)));
				}
				return person.map((found) -> new Read(replayed, found.map(RequestTargets::hash).orElse(null)));
			});
	}

	private @Nullable String inBody(byte[] body, @Nullable MediaType type, List<String> fields) {
		if (body.length == 0 || type == null) {
			return null;
		}
		if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return inForm(new String(body, StandardCharsets.UTF_8), fields);
		}
		if (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json")) {
			return inJson(body, fields);
		}
		return null;
	}

	private @Nullable String inJson(byte[] body, List<String> fields) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (RuntimeException unreadable) {
			// the service answers the malformed body itself; the call is still counted per address
			return null;
		}
		for (String field : fields) {
			JsonNode node = root;
			for (String step : field.split("\\.")) {
				node = node.path(step);
			}
			if (node.isString() && !node.asString().isBlank()) {
				return node.asString();
			}
		}
		return null;
	}

	private static @Nullable String inForm(String form, List<String> fields) {
		for (String field : fields) {
			for (String pair : form.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				if (equals > 0 && field.equals(decode(name))) {
					String value = decode(pair.substring(equals + 1));
					if (!value.isBlank()) {
						return value;
					}
				}
			}
		}
		return null;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return "";
		}
	}

	private static ServerHttpRequest replaying(ServerWebExchange exchange, byte[] body) {
		return new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> (body.length == 0) ? Flux.empty()
						: Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
	}

	private static byte[] bytesOf(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	static String hash(String target) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(target.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
		}
	}

	/**
	 * A call whose target was looked for.
	 * @param exchange the exchange to go on with
	 * @param target the hashed target, or {@code null} if none was found
	 */
	record Read(ServerWebExchange exchange, @Nullable String target) {
	}

}
