package org.mutualis.identity.token.server;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.IdentityProperties;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign tokens, kept in the {@code signing_keys} collection so that tokens survive a restart and
 * every instance signs with the same key. One key is active; rotation makes a new one active and retires the
 * others, which stay in the JWK set until no token they signed can still be valid. The {@code kid} is the key's
 * RFC 7638 thumbprint. Private keys are stored encrypted ({@link KeyEncryption}, AES-256-GCM under a key from
 * configuration); at start, keys stored in clear or under a previous key-encryption key are re-encrypted with the
 * current one.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	static final String COLLECTION = "signing_keys";

	private static final Duration CACHE = Duration.ofSeconds(10);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration retention;

	private final KeyEncryption encryption;

	private volatile @Nullable Snapshot snapshot;

	SigningKeys(MongoTemplate mongo, Clock clock, IdentityProperties properties, KeyEncryption encryption) {
		this.mongo = mongo;
		this.clock = clock;
		this.encryption = encryption;
		this.retention = properties.accessTokenTimeToLive().plus(properties.retiredKeyRetention());
		reseal();
		if (!mongo.exists(Query.query(Criteria.where("retiredAt").is(null)), COLLECTION)) {
			insert(generate());
		}
	}

	/**
	 * Encrypts keys stored in clear (before encryption at rest) and re-encrypts those under a previous key-encryption
	 * key; each update applies only if the document is still as read, so instances starting together agree.
	 */
	private void reseal() {
		for (KeyDocument document : this.mongo.findAll(KeyDocument.class, COLLECTION)) {
			String clear = document.jwk();
			String sealed = document.sealedJwk();
			if (clear != null) {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id()).and("jwk").is(clear)),
						new Update().set("sealedJwk", this.encryption.seal(document.id(), clear)).unset("jwk"), COLLECTION);
			}
			else if (sealed != null && !this.encryption.sealedWithCurrent(sealed)) {
				String reseal = this.encryption.seal(document.id(), this.encryption.open(document.id(), sealed));
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id()).and("sealedJwk").is(sealed)),
						Update.update("sealedJwk", reseal), COLLECTION);
			}
		}
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
		return selector.select(new JWKSet(snapshot().published()));
	}

	/** @return the {@code kid} of the key that signs new tokens */
	public String activeKeyId() {
		return snapshot().active().getKeyID();
	}

	/** @return the public keys currently published, active first */
	public List<JWK> publicKeys() {
		return snapshot().published().stream().map(JWK::toPublicJWK).toList();
	}

	/**
	 * Makes a new key active and retires the others; they stay published for the token lifetime plus a margin.
	 * @return the {@code kid} of the new active key
	 */
	public synchronized String rotate() {
		RSAKey key = generate();
		insert(key);
		this.mongo.updateMulti(
				Query.query(Criteria.where("_id").ne(key.getKeyID()).and("retiredAt").is(null)),
				Update.update("retiredAt", Date.from(this.clock.instant())), COLLECTION);
		this.snapshot = null;
		return key.getKeyID();
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || now.isAfter(current.loadedAt().plus(CACHE))) {
			current = load(now);
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot load(Instant now) {
		List<KeyDocument> documents = new ArrayList<>(this.mongo.findAll(KeyDocument.class, COLLECTION));
		// of several active keys (two instances starting together), all instances pick the oldest
		documents.sort(Comparator.comparing(KeyDocument::createdAt).thenComparing(KeyDocument::id));
		KeyDocument active = documents.stream()
			.filter((d) -> d.retiredAt() == null)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no active signing key"));
		List<JWK> published = new ArrayList<>();
		published.add(parse(active));
		documents.stream()
			.filter((d) -> d != active)
			.filter((d) -> d.retiredAt() == null || d.retiredAt().plus(this.retention).isAfter(now))
			.sorted(Comparator.comparing(KeyDocument::createdAt).reversed())
			.forEach((d) -> published.add(parse(d)));
		return new Snapshot((RSAKey) published.get(0), List.copyOf(published), now);
	}

	private void insert(RSAKey key) {
		this.mongo.insert(new KeyDocument(key.getKeyID(), null, this.encryption.seal(key.getKeyID(), key.toJSONString()),
				this.clock.instant(), null), COLLECTION);
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an RSA key", ex);
		}
	}

	private JWK parse(KeyDocument document) {
		String sealed = document.sealedJwk();
		if (sealed == null) {
			throw new IllegalStateException("stored signing key " + document.id() + " is not encrypted");
		}
		try {
			return RSAKey.parse(this.encryption.open(document.id(), sealed));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("stored signing key " + document.id() + " is unreadable", ex);
		}
	}

	/**
	 * A stored signing key.
	 *
	 * @param id its {@code kid}
	 * @param jwk the key in clear, only in documents stored before encryption at rest (then encrypted at start)
	 * @param sealedJwk the key as a JWK, encrypted by {@link KeyEncryption}
	 * @param createdAt when it was made
	 * @param retiredAt when another key replaced it as the active one
	 */
	record KeyDocument(@Id String id, @Nullable String jwk, @Nullable String sealedJwk, Instant createdAt,
			@Nullable Instant retiredAt) {
	}

	private record Snapshot(RSAKey active, List<JWK> published, Instant loadedAt) {
	}

}
