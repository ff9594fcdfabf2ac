package org.mutualis.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the booking service: availability, reservations and the cost-sharing ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingApplication {

	/**
	 * Runs the service.
	 * @param args command-line arguments, e.g. {@code --server.port=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(BookingApplication.class, args);
	}

}
