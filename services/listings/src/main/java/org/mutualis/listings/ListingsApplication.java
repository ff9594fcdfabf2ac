package org.mutualis.listings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the listings service: the resources organisations offer, their moderation and search. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ListingsApplication {

	/**
	 * Runs the service.
	 * @param args command-line arguments, e.g. {@code --server.port=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(ListingsApplication.class, args);
	}

}
