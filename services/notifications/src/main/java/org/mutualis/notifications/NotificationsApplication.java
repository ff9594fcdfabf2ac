package org.mutualis.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the notifications service: inboxes, e-mail, live push, reminders and conversations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationsApplication {

	/**
	 * Runs the service.
	 * @param args command-line arguments, e.g. {@code --server.port=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(NotificationsApplication.class, args);
	}

}
