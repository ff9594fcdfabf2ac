package org.mutualis.identity.token.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;


import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.person.Signouts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the authorization server's authorizations (codes, access, refresh and ID tokens with their metadata) in
 * {@code oauth2_authorizations}, one document each, so that a restart signs nobody out and several instances share
 * them; attributes and metadata are stored as JSON written by Spring Security's own Jackson modules (allow-listed
 * types only). Token values are stored as issued, like the JDBC store does: protect the database accordingly.
 * Ending every authorization of a person is one delete; authorizations whose every token expired are removed as
 * new ones are saved.
 */
@Component
class MongoAuthorizations implements OAuth2AuthorizationService, Signouts {

	static final String COLLECTION = "oauth2_authorizations";

	private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final Map<String, Class<? extends OAuth2Token>> TOKENS = Map.of("authorizationCode",
			OAuth2AuthorizationCode.class, "accessToken", OAuth2AccessToken.class, "oidcIdToken", OidcIdToken.class,
			"refreshToken", OAuth2RefreshToken.class);

	private final MongoTemplate mongo;

	private final RegisteredClientRepository clients;

	private final JsonMapper json;

	private final Clock clock;

	private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

	MongoAuthorizations(MongoTemplate mongo, RegisteredClientRepository clients, Clock clock) {
		this.mongo = mongo;
		this.clients = clients;
		this.clock = clock;
		this.json = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(MongoAuthorizations.class.getClassLoader()))
			.build();
		mongo.indexOps(COLLECTION).createIndex(new Index().on("principalName", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
		for (String token : TOKENS.keySet()) {
			mongo.indexOps(COLLECTION).createIndex(new Index().on(token + ".value", Sort.Direction.ASC));
		}
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Document document = new Document("_id", authorization.getId())
			.append("registeredClientId", authorization.getRegisteredClientId())
			.append("principalName", authorization.getPrincipalName())
			.append("grantType", authorization.getAuthorizationGrantType().getValue())
			.append("scopes", new ArrayList<>(authorization.getAuthorizedScopes()))
			.append("attributes", this.json.writeValueAsString(authorization.getAttributes()))
			.append("state", authorization.<String>getAttribute(OAuth2ParameterNames.STATE));
		Instant expires = null;
		for (Map.Entry<String, Class<? extends OAuth2Token>> kind : TOKENS.entrySet()) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.getValue());
			if (token == null) {
				continue;
			}
			Document stored = new Document("value", token.getToken().getTokenValue())
				.append("issuedAt", date(token.getToken().getIssuedAt()))
				.append("expiresAt", date(token.getToken().getExpiresAt()))
				.append("metadata", this.json.writeValueAsString(token.getMetadata()));
			if (token.getToken() instanceof OAuth2AccessToken access) {
				stored.append("scopes", new ArrayList<>(access.getScopes()));
			}
			document.append(kind.getKey(), stored);
			Instant tokenExpiry = token.getToken().getExpiresAt();
			if (tokenExpiry != null && (expires == null || tokenExpiry.isAfter(expires))) {
				expires = tokenExpiry;
			}
		}
		document.append("expiresAt", date(expires));
		this.mongo.getCollection(COLLECTION)
			.replaceOne(new Document("_id", authorization.getId()), document,
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
		clearExpired();
	}

	/**
	 * Removes the authorizations whose every token has expired, at most once a minute per instance (no TTL index
	 * in the embedded store; the delete is idempotent, so instances may overlap).
	 */
	private void clearExpired() {
		Instant now = this.clock.instant();
		Instant last = this.lastCleanup.get();
		if (now.isBefore(last.plus(CLEANUP_EVERY)) || !this.lastCleanup.compareAndSet(last, now)) {
			return;
		}
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(now))), COLLECTION);
	}

	/** Lets the next save clear expired authorizations at once (tests). */
	void forgetLastCleanup() {
		this.lastCleanup.set(Instant.EPOCH);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), COLLECTION);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return one(Criteria.where("_id").is(id));
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		if (tokenType == null) {
			List<Criteria> any = new ArrayList<>();
			any.add(Criteria.where("state").is(token));
			TOKENS.keySet().forEach((kind) -> any.add(Criteria.where(kind + ".value").is(token)));
			return one(new Criteria().orOperator(any));
		}
		String field = switch (tokenType.getValue()) {
			case OAuth2ParameterNames.STATE -> "state";
			case OAuth2ParameterNames.CODE -> "authorizationCode.value";
			case OAuth2ParameterNames.ACCESS_TOKEN -> "accessToken.value";
			case OAuth2ParameterNames.REFRESH_TOKEN -> "refreshToken.value";
			case OidcParameterNames.ID_TOKEN -> "oidcIdToken.value";
			default -> null;
		};
		return (field != null) ? one(Criteria.where(field).is(token)) : null;
	}

	@Override
	public void signOutEverywhere(String personId) {
		this.mongo.remove(Query.query(Criteria.where("principalName").is(personId)), COLLECTION);
	}

	private @Nullable OAuth2Authorization one(Criteria criteria) {
		Document document = this.mongo.findOne(Query.query(criteria), Document.class, COLLECTION);
		return (document != null) ? read(document) : null;
	}

	private @Nullable OAuth2Authorization read(Document document) {
		RegisteredClient client = this.clients.findById(document.getString("registeredClientId"));
		if (client == null) {
			// the client is no longer registered: its authorizations are worthless
			return null;
		}
		Map<String, Object> attributes = this.json.readValue(document.getString("attributes"), MAP);
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(document.getString("_id"))
			.principalName(document.getString("principalName"))
			.authorizationGrantType(new AuthorizationGrantType(document.getString("grantType")))
			.authorizedScopes(new HashSet<>(document.getList("scopes", String.class)))
			.attributes((map) -> map.putAll(attributes));
		if (document.getString("state") != null) {
			builder.attribute(OAuth2ParameterNames.STATE, document.getString("state"));
		}
		for (String kind : TOKENS.keySet()) {
			Document stored = document.get(kind, Document.class);
			if (stored == null) {
				continue;
			}
			Map<String, Object> metadata = this.json.readValue(stored.getString("metadata"), MAP);
			String value = stored.getString("value");
			Instant issuedAt = instant(stored.getDate("issuedAt"));
			Instant expiresAt = instant(stored.getDate("expiresAt"));
			OAuth2Token token = switch (kind) {
				case "authorizationCode" -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
				case "accessToken" -> new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, issuedAt,
						expiresAt, new HashSet<>(stored.getList("scopes", String.class, List.of())));
				case "oidcIdToken" -> new OidcIdToken(value, issuedAt, expiresAt, claims(metadata));
				default -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
			};
			builder.token(token, (map) -> map.putAll(metadata));
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> claims(Map<String, Object> metadata) {
		Object claims = metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
		return (claims instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
	}

	private static @Nullable Date date(@Nullable Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}


}
