package org.mutualis.local;

import java.util.List;
import java.util.Locale;

/**
 * A part of the local stack: one child JVM listening on one port (plus the controller port for Kafka). The
 * declaration order is the start order; stopping goes the other way, so services stop before the store and
 * Kafka stops last.
 */
public enum Part {

	/** The Kafka broker (KRaft, broker and controller in one JVM). */
	KAFKA("kafka", 9092),
	/** The MongoDB-compatible store (mongo-java-server on an H2 file). */
	STORE("store", 27017),
	/** Organisations, people, roles; the OAuth2 issuer. */
	IDENTITY("identity", 9000),
	/** Resources, moderation, search. */
	LISTINGS("listings", 8081),
	/** Availability, reservations, ledger. */
	BOOKING("booking", 8082),
	/** Inbox, push, e-mail, conversations. */
	NOTIFICATIONS("notifications", 8083),
	/** The server-rendered user interface. */
	WEB("web", 8084),
	/** The single entry point. */
	GATEWAY("gateway", 8080);

	/** Offset of the Kafka controller port from the broker port. */
	static final int KAFKA_CONTROLLER_DELTA = 1;

	private final String partName;

	private final int basePort;

	Part(String partName, int basePort) {
		this.partName = partName;
		this.basePort = basePort;
	}

	/** @return the lower-case name used in logs, file names and messages */
	public String partName() {
		return this.partName;
	}

	/** @return the port without offset */
	public int basePort() {
		return this.basePort;
	}

	/** @return whether this part is a Spring Boot service started from its executable jar */
	public boolean isService() {
		return this != KAFKA && this != STORE;
	}

	/** @return the services, in start order */
	public static List<Part> services() {
		return List.of(IDENTITY, LISTINGS, BOOKING, NOTIFICATIONS, WEB, GATEWAY);
	}

	/**
	 * Finds a part by its name.
	 * @param name a part name such as {@code booking}, case-insensitive
	 * @return the part
	 * @throws IllegalArgumentException if no part has that name
	 */
	public static Part named(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		for (Part part : values()) {
			if (part.partName.equals(wanted)) {
				return part;
			}
		}
		throw new IllegalArgumentException("unknown part '" + name + "'; parts are kafka, store, identity, listings, "
				+ "booking, notifications, web, gateway");
	}

	@Override
	public String toString() {
		return this.partName;
	}

}
