package org.mutualis.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity service as an issuer of tokens.
 *
 * @param issuer the public issuer URL written in tokens (the gateway); blank to derive it from each request
 * @param publicUrl base URL of the links put in e-mails
 * @param audience the audience of every access token
 * @param accessTokenTimeToLive lifetime of access tokens
 * @param refreshTokenTimeToLive lifetime of the web client's refresh tokens
 * @param retiredKeyRetention how long a retired signing key stays published beyond the access token lifetime
 * @param clients the registered OAuth2 clients
 * @param signingKeys how the signing keys' private parts are encrypted at rest
 * @param localMode whether this is the local/demo mode (committed demo secrets and a generated key file allowed);
 * when not set, the local launcher's settings (demo data, or e-mails written to a folder) say so
 * @param administrators e-mail addresses of the platform's administrators (environment {@code MUTUALIS_ADMINISTRATORS},
 * comma-separated): each account at one of them is granted administration at start and when its address is proven;
 * leaving an address out revokes nothing
 */
@Validated
@ConfigurationProperties("mutualis.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8080") String issuer,
		@DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue("mutualis-api") String audience,
		@DefaultValue("5m") Duration accessTokenTimeToLive, @DefaultValue("8h") Duration refreshTokenTimeToLive,
		@DefaultValue("1h") Duration retiredKeyRetention, @DefaultValue Clients clients,
		@DefaultValue SigningKeyEncryption signingKeys, @Nullable Boolean localMode,
		@DefaultValue List<String> administrators) {

	/**
	 * The key-encryption keys of the signing keys: AES-256, base64.
	 *
	 * @param encryptionKey the key that encrypts (required outside the local/demo mode)
	 * @param previousEncryptionKeys keys that encrypted earlier; what they encrypted is re-encrypted with the current
	 * key at start, after which they can be dropped
	 * @param keyFile in the local/demo mode without a configured key, the file holding a generated key
	 */
	public record SigningKeyEncryption(@DefaultValue("") String encryptionKey,
			@DefaultValue List<String> previousEncryptionKeys,
			@DefaultValue("./data/identity/key-encryption.key") Path keyFile) {
	}

	/**
	 * The three clients of the platform.
	 *
	 * @param web the server-rendered web application (confidential, code + PKCE + refresh)
	 * @param cli command-line tools (public, code + PKCE)
	 * @param services services calling each other (client credentials)
	 */
	public record Clients(@DefaultValue Web web, @DefaultValue Cli cli, @DefaultValue Services services) {
	}

	/**
	 * The web client.
	 *
	 * @param clientId client id
	 * @param secret client secret (the default is for local demos only)
	 * @param redirectUris allowed redirect URIs
	 * @param postLogoutRedirectUris allowed post-logout redirect URIs
	 */
	public record Web(@DefaultValue("mutualis-web") String clientId,
			@DefaultValue("mutualis-web-demo-secret") String secret,
			@DefaultValue("http://localhost:8080/login/oauth2/code/mutualis") List<String> redirectUris,
			@DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris) {
	}

	/**
	 * The command-line client.
	 *
	 * @param clientId client id
	 * @param redirectUris allowed redirect URIs
	 */
	public record Cli(@DefaultValue("mutualis-cli") String clientId,
			@DefaultValue("http://127.0.0.1:8765/callback") List<String> redirectUris) {
	}

	/**
	 * The service-to-service client.
	 *
	 * @param clientId client id
	 * @param secret client secret (the default is for local demos only)
	 */
	public record Services(@DefaultValue("mutualis-services") String clientId,
			@DefaultValue("mutualis-services-demo-secret") String secret) {
	}

}
