package org.mutualis.deployment;

import java.util.EnumSet;
import java.util.Set;

import static org.mutualis.deployment.Service.BOOKING;
import static org.mutualis.deployment.Service.GATEWAY;
import static org.mutualis.deployment.Service.IDENTITY;
import static org.mutualis.deployment.Service.LISTINGS;
import static org.mutualis.deployment.Service.NOTIFICATIONS;
import static org.mutualis.deployment.Service.WEB;

/**
 * The one list of the environment variables a deployment gives the services: which services read each, how the
 * code reads it, whether a deployment must set it, and whether it is a secret. The compose file, the Kubernetes
 * manifests and this module's README are checked against it, and it against the services' configuration.
 */
enum DeploymentVariable {

	/** The {@code production} profile: JSON logs, no demo data, secrets or folder mail. */
	SPRING_PROFILES_ACTIVE(Binding.profile("production"), Need.REQUIRED, false, null,
			"the production profile", IDENTITY, LISTINGS, BOOKING, NOTIFICATIONS, WEB, GATEWAY),

	/** Where the Kafka cluster is. */
	MUTUALIS_KAFKA(Binding.placeholder(), Need.REQUIRED, false, null,
			"Kafka bootstrap servers, comma-separated (several brokers)", IDENTITY, LISTINGS, BOOKING, NOTIFICATIONS, WEB),

	/** Where the MongoDB replica set is (in Kubernetes from a Secret, as it carries credentials there). */
	MUTUALIS_MONGO(Binding.placeholder(), Need.REQUIRED, false, null,
			"MongoDB connection string of the replica set (hosts, `replicaSet`, credentials where the set has them)", IDENTITY, LISTINGS,
			BOOKING, NOTIFICATIONS, WEB),

	/** The issuer written in and required of tokens. */
	MUTUALIS_ISSUER(Binding.placeholder(), Need.REQUIRED, false, null,
			"public issuer of access tokens: the gateway's public URL", IDENTITY, LISTINGS, BOOKING, NOTIFICATIONS, WEB,
			GATEWAY),

	/** Identity's key set, reached directly. */
	MUTUALIS_JWKS(Binding.placeholder(), Need.REQUIRED, false, IDENTITY,
			"identity's JWK set, internal address (http://identity:9000/oauth2/jwks)", IDENTITY, LISTINGS, BOOKING,
			NOTIFICATIONS, WEB, GATEWAY),

	/** The address people use. */
	MUTUALIS_PUBLIC_URL(Binding.placeholder(), Need.REQUIRED, false, null,
			"public URL of the platform (links in e-mails, sign-in redirects)", IDENTITY, NOTIFICATIONS, WEB),

	/** Identity's internal address. */
	MUTUALIS_IDENTITY_URL(Binding.placeholder(), Need.REQUIRED, false, IDENTITY,
			"identity's internal URL", WEB, GATEWAY),

	/** Listings' internal address. */
	MUTUALIS_LISTINGS_URL(Binding.placeholder(), Need.REQUIRED, false, LISTINGS,
			"listings' internal URL", WEB, GATEWAY),

	/** Booking's internal address. */
	MUTUALIS_BOOKING_URL(Binding.placeholder(), Need.REQUIRED, false, BOOKING,
			"booking's internal URL", WEB, GATEWAY),

	/** Notifications' internal address. */
	MUTUALIS_NOTIFICATIONS_URL(Binding.placeholder(), Need.REQUIRED, false, NOTIFICATIONS,
			"notifications' internal URL", WEB, GATEWAY),

	/** The web application's internal address. */
	MUTUALIS_WEB_URL(Binding.placeholder(), Need.REQUIRED, false, WEB,
			"the web application's internal URL", GATEWAY),

	/** The Redis that holds the gateway's shared rate-limit counters and web's and identity's sessions. */
	MUTUALIS_REDIS(Binding.placeholder(), Need.REQUIRED, false, null,
			"Redis URL (rate-limit counters shared by the gateway's instances, sessions shared by web's and identity's)",
			GATEWAY, WEB, IDENTITY),

	/** Shares the web application's sessions across its instances. */
	MUTUALIS_WEB_SESSIONS(Binding.placeholder(), Need.REQUIRED, false, null,
			"`redis`: HTTP sessions shared by every web instance (default `memory`)", WEB),

	/** Shares identity's sessions (sign-in form, waiting authorization request) across its instances. */
	MUTUALIS_IDENTITY_SESSIONS(Binding.placeholder(), Need.REQUIRED, false, null,
			"`redis`: HTTP sessions shared by every identity instance (default `memory`)", IDENTITY),

	/** Shares rate limits across gateway instances. */
	MUTUALIS_GATEWAY_RATELIMIT_STORE(Binding.property("mutualis.gateway.rate-limit.store"), Need.REQUIRED, false,
			null, "`redis`: rate-limit counters shared by every gateway instance (default `memory`)", GATEWAY),

	/** Whose X-Forwarded-* the gateway believes. */
	MUTUALIS_TRUSTED_PROXIES(Binding.placeholder(), Need.OPTIONAL, false, null,
			"regular expression of the proxies whose X-Forwarded-* the gateway believes; default none (the gateway"
					+ " is the edge); behind an ingress, the ingress controller's addresses",
			GATEWAY),

	/** The SMTP relay. */
	MUTUALIS_SMTP_HOST(Binding.placeholder(), Need.REQUIRED, false, null,
			"SMTP relay host", IDENTITY, NOTIFICATIONS),

	/** The SMTP relay's port. */
	MUTUALIS_SMTP_PORT(Binding.placeholder(), Need.REQUIRED, false, null,
			"SMTP relay port", IDENTITY, NOTIFICATIONS),

	/** Who administers the platform from the first start (approves organisations, grants other administrators). */
	MUTUALIS_ADMINISTRATORS(Binding.placeholder(), Need.OPTIONAL, false, null,
			"e-mail addresses of the platform's administrators, comma-separated: each account there is granted"
					+ " administration at start and once its address is proven; default none (set it for the first"
					+ " start, or nobody can approve an organisation); removing an address revokes nothing",
			IDENTITY),

	/** Who hears of new reports. */
	MUTUALIS_NOTIFICATIONS_ADMINISTRATORS(Binding.placeholder(), Need.OPTIONAL, false, null,
			"administrators told of new reports (person ids or e-mail addresses, comma-separated); default none",
			NOTIFICATIONS),

	/** How many traces are exported. */
	MUTUALIS_TRACING_SAMPLING(Binding.placeholder(), Need.OPTIONAL, false, null,
			"share of traces recorded and exported over OTLP, 0.0–1.0; default 0.1 (trace ids are in the logs whatever the share)",
			IDENTITY, LISTINGS, BOOKING, NOTIFICATIONS, WEB, GATEWAY),

	/** Whether metrics are also pushed over OTLP. */
	MUTUALIS_OTLP_METRICS(Binding.placeholder(), Need.OPTIONAL, false, null,
			"`true` pushes metrics over OTLP too; default `false` (Prometheus scrapes `/actuator/prometheus`)",
			IDENTITY, LISTINGS, BOOKING, NOTIFICATIONS, WEB, GATEWAY),

	/** The web application's OAuth2 client id. */
	MUTUALIS_WEB_CLIENT_ID(Binding.placeholder(), Need.OPTIONAL, false, null,
			"the web application's client id; default `mutualis-web`, identity's default too", WEB),

	/** The web application's OAuth2 client secret, as the web application presents it. */
	MUTUALIS_WEB_CLIENT_SECRET(Binding.placeholder(), Need.REQUIRED, true, null,
			"the web application's client secret (the same value as identity's MUTUALIS_IDENTITY_CLIENTS_WEB_SECRET)",
			WEB),

	/** The web application's OAuth2 client secret, as identity checks it. */
	MUTUALIS_IDENTITY_CLIENTS_WEB_SECRET(Binding.property("mutualis.identity.clients.web.secret"), Need.REQUIRED,
			true, null, "the web client's secret (≥ 24 characters, not the demo value)", IDENTITY),

	/** The service-to-service client's secret. */
	MUTUALIS_IDENTITY_CLIENTS_SERVICES_SECRET(Binding.property("mutualis.identity.clients.services.secret"),
			Need.REQUIRED, true, null, "the `mutualis-services` client's secret (≥ 24 characters)", IDENTITY),

	/** The key that encrypts identity's signing keys at rest. */
	MUTUALIS_IDENTITY_SIGNINGKEYS_ENCRYPTIONKEY(Binding.property("mutualis.identity.signing-keys.encryption-key"),
			Need.REQUIRED, true, null, "AES-256 key encrypting the signing keys at rest: `openssl rand -base64 32`",
			IDENTITY);

	/** Whether a deployment must set a variable. */
	enum Need {

		/** Every deployment sets it for each service that reads it (compose and Kubernetes are checked). */
		REQUIRED,

		/** The code's default suits a deployment (said in the variable's meaning); a deployment may set it. */
		OPTIONAL

	}

	/**
	 * How the code reads a variable.
	 *
	 * @param kind placeholder ({@code ${NAME...}} in the configuration or code), property (Spring's relaxed binding
	 * of {@code property}) or profile (a profile the configuration defines)
	 * @param name the property or profile; empty for a placeholder
	 */
	record Binding(Kind kind, String name) {

		enum Kind {
			PLACEHOLDER, PROPERTY, PROFILE
		}

		static Binding placeholder() {
			return new Binding(Kind.PLACEHOLDER, "");
		}

		static Binding property(String property) {
			return new Binding(Kind.PROPERTY, property);
		}

		static Binding profile(String profile) {
			return new Binding(Kind.PROFILE, profile);
		}

	}

	private final Binding binding;

	private final Need need;

	private final boolean secret;

	private final Service pointsAt;

	private final String meaning;

	private final Set<Service> services;

	DeploymentVariable(Binding binding, Need need, boolean secret, Service pointsAt, String meaning,
			Service... services) {
		this.binding = binding;
		this.need = need;
		this.secret = secret;
		this.pointsAt = pointsAt;
		this.meaning = meaning;
		this.services = EnumSet.copyOf(Set.of(services));
	}

	/** @return how the code reads it */
	Binding binding() {
		return this.binding;
	}

	/** @return whether a deployment must set it */
	Need need() {
		return this.need;
	}

	/** @return whether its value is a secret (a Kubernetes Secret, a compose {@code ${...:?}} from {@code .env}) */
	boolean secret() {
		return this.secret;
	}

	/** @return the service whose internal address it holds, or {@code null} */
	Service pointsAt() {
		return this.pointsAt;
	}

	/** @return what it means, for the README */
	String meaning() {
		return this.meaning;
	}

	/** @return the services that read it */
	Set<Service> services() {
		return EnumSet.copyOf(this.services);
	}

	/**
	 * @param name an environment variable name
	 * @return the listed variable of that name, or {@code null}
	 */
	static DeploymentVariable named(String name) {
		for (DeploymentVariable variable : values()) {
			if (variable.name().equals(name)) {
				return variable;
			}
		}
		return null;
	}

}
