package org.mutualis.identity;

/**
 * Refuses, outside the local/demo mode, client secrets that anyone can read in the repository (the committed demo
 * defaults) or guess (shorter than {@value #MIN_LENGTH} characters).
 */
public final class ClientSecrets {

	/** Fewest characters of a client secret outside the local/demo mode. */
	public static final int MIN_LENGTH = 24;

	private ClientSecrets() {
	}

	/**
	 * Checks the secrets of the confidential clients.
	 * @param clients the registered clients
	 * @param mode whether this is the local/demo mode
	 * @throws IllegalStateException naming the property to set, outside the local/demo mode
	 */
	public static void requireReal(IdentityProperties.Clients clients, DeploymentMode mode) {
		if (mode.local()) {
			return;
		}
		require("mutualis.identity.clients.web.secret", clients.web().secret(), "mutualis-web-demo-secret");
		require("mutualis.identity.clients.services.secret", clients.services().secret(), "mutualis-services-demo-secret");
	}

	private static void require(String property, String secret, String demo) {
		if (secret.equals(demo) || secret.trim().length() < MIN_LENGTH) {
			throw new IllegalStateException(property + " must be set to a real secret of at least " + MIN_LENGTH
					+ " characters outside the local/demo mode (the committed demo value is public)");
		}
	}

}
