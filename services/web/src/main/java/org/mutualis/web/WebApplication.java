package org.mutualis.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the web service: the server-rendered user interface. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

	/**
	 * Runs the service.
	 * @param args command-line arguments, e.g. {@code --server.port=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(WebApplication.class, args);
	}

}
