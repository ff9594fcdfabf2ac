package org.mutualis.identity;

/** Lets tests in feature packages sign in through the package-private {@link OAuthClient}. */
public final class OAuthClientAccess {

	private OAuthClientAccess() {
	}

	/**
	 * Signs in as {@code mutualis-cli} and returns an access token for the person's first organisation.
	 * @param base the service's base URL
	 * @param email the address
	 * @param password the password
	 * @return the access token
	 * @throws Exception when the flow fails
	 */
	public static String accessToken(String base, String email, String password) throws Exception {
		return OAuthClient.accessToken(base, email, password, null);
	}

}
