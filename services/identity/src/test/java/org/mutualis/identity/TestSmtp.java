package org.mutualis.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;

/**
 * The SMTP port of the integration tests, free when this JVM chose it (two builds on one machine would collide on a
 * fixed one), given to Spring as {@value #PROPERTY} before any context starts.
 */
public final class TestSmtp {

	/** The system property holding the port, read by {@link IdentityIntegrationTest}'s {@code spring.mail.port}. */
	public static final String PROPERTY = "mutualis.test.smtp-port";

	/** The port. */
	public static final int PORT = choose();

	private TestSmtp() {
	}

	/** @return the settings of a GreenMail SMTP server on {@link #PORT} */
	public static ServerSetup setup() {
		return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	/** @return a GreenMail extension listening on {@link #PORT} for each test */
	public static GreenMailExtension server() {
		return new GreenMailExtension(setup());
	}

	/**
	 * For a test class that starts its own server: registered as a static extension, it has the port chosen before
	 * the Spring context starts.
	 * @return an extension that does nothing else
	 */
	public static BeforeAllCallback chosen() {
		int port = PORT;
		return (context) -> {
			if (port <= 0) {
				throw new IllegalStateException("no SMTP port");
			}
		};
	}

	private static int choose() {
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			System.setProperty(PROPERTY, Integer.toString(port));
			return port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
