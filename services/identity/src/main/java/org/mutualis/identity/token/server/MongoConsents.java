package org.mutualis.identity.token.server;

import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;

/** Keeps what each person consented to for each client in {@code oauth2_consents}, one document per pair. */
@Component
class MongoConsents implements OAuth2AuthorizationConsentService {

	static final String COLLECTION = "oauth2_consents";

	private final MongoTemplate mongo;

	MongoConsents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		Document document = new Document("_id", key(consent.getRegisteredClientId(), consent.getPrincipalName()))
			.append("registeredClientId", consent.getRegisteredClientId())
			.append("principalName", consent.getPrincipalName())
			.append("authorities", consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		this.mongo.getCollection(COLLECTION)
			.replaceOne(new Document("_id", document.get("_id")), document,
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.mongo.remove(byId(consent.getRegisteredClientId(), consent.getPrincipalName()), COLLECTION);
	}

	@Override
	public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		Document document = this.mongo.findOne(byId(registeredClientId, principalName), Document.class, COLLECTION);
		if (document == null) {
			return null;
		}
		List<String> authorities = document.getList("authorities", String.class, List.of());
		OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId, principalName);
		authorities.forEach((authority) -> consent.authority(new SimpleGrantedAuthority(authority)));
		return consent.build();
	}

	private static Query byId(String registeredClientId, String principalName) {
		return Query.query(Criteria.where("_id").is(key(registeredClientId, principalName)));
	}

	private static String key(String registeredClientId, String principalName) {
		return registeredClientId + "|" + principalName;
	}

}
