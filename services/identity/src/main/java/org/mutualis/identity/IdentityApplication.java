package org.mutualis.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the identity service: organisations, people, memberships and roles; issues the access tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

	/**
	 * Runs the service.
	 * @param args command-line arguments, e.g. {@code --server.port=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

}
