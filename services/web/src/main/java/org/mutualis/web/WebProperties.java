package org.mutualis.web;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where web finds the services it calls on the person's behalf: their internal addresses, never the public gateway
 * (whose rate limits are the person's).
 *
 * @param services the internal address of each service
 */
@ConfigurationProperties("mutualis.web")
public record WebProperties(@DefaultValue Services services) {

	/**
	 * Internal addresses of the services.
	 * @param identity organisations, people and roles
	 * @param listings listings, moderation and search
	 * @param booking availability and bookings
	 * @param notifications inboxes and conversations
	 */
	public record Services(@DefaultValue("http://localhost:9000") URI identity,
			@DefaultValue("http://localhost:8081") URI listings, @DefaultValue("http://localhost:8082") URI booking,
			@DefaultValue("http://localhost:8083") URI notifications) {
	}

}
