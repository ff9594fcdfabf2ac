package org.mutualis.deployment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Spring Boot applications that are deployed: each is a Maven module producing {@code <name>-exec.jar}.
 */
enum Service {

	/** Organisations, people and roles; the issuer of tokens. */
	IDENTITY("identity", "services/identity"),

	/** The resources organisations offer, their moderation and search. */
	LISTINGS("listings", "services/listings"),

	/** Availability, reservations, the ledger and impact figures. */
	BOOKING("booking", "services/booking"),

	/** Inboxes, live push, e-mail, reminders and conversations. */
	NOTIFICATIONS("notifications", "services/notifications"),

	/** The server-rendered user interface. */
	WEB("web", "services/web"),

	/** The single entry point. */
	GATEWAY("gateway", "gateway");

	private final String serviceName;

	private final String module;

	Service(String serviceName, String module) {
		this.serviceName = serviceName;
		this.module = module;
	}

	/** @return the application's name: its compose service, Kubernetes Deployment and image name */
	String serviceName() {
		return this.serviceName;
	}

	/** @return the module's folder, relative to the repository root (the Dockerfile's {@code MODULE} build argument) */
	String module() {
		return this.module;
	}

	/**
	 * @param name a compose service or Deployment name
	 * @return the service of that name
	 */
	static Optional<Service> named(String name) {
		return Arrays.stream(values()).filter((service) -> service.serviceName.equals(name)).findFirst();
	}

}
