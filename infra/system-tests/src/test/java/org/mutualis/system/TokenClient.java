package org.mutualis.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a person in through the gateway the way a command-line client does: authorization code with PKCE as the
 * public client {@code mutualis-cli}, the person typing e-mail and password into the identity login form.
 */
final class TokenClient {

	static final String CLIENT_ID = "mutualis-cli";

	static final String REDIRECT_URI = "http://127.0.0.1:8765/callback";

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern HIDDEN = Pattern.compile(
			"<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private final String gateway;

	TokenClient(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * Signs in and returns an access token.
	 * @param email the person's e-mail
	 * @param password the password
	 * @param organisation the organisation to act for, or {@code null} for the default one
	 * @return the access token
	 */
	String accessToken(String email, String password, @Nullable String organisation) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String verifier = randomUrlSafe(48);
		String challenge = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", CLIENT_ID);
		authorize.put("redirect_uri", REDIRECT_URI);
		authorize.put("scope", "openid");
		authorize.put("state", randomUrlSafe(12));
		authorize.put("code_challenge", challenge);
		authorize.put("code_challenge_method", "S256");
		if (organisation != null) {
			authorize.put("organisation", organisation);
		}
		String redirect = signIn(http, this.gateway + "/oauth2/authorize?" + form(authorize), email, password,
				(location) -> location.startsWith(REDIRECT_URI));
		String code = parameter(redirect, "code");
		if (code == null) {
			throw new IllegalStateException("authorization refused: " + redirect);
		}
		Map<String, String> token = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
				"client_id", CLIENT_ID, "code_verifier", verifier);
		HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(token)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (tokenResponse.statusCode() != 200) {
			throw new IllegalStateException("token endpoint answered " + tokenResponse.statusCode() + ": " + tokenResponse.body());
		}
		JsonNode body = JsonMapper.builder().build().readTree(tokenResponse.body());
		return body.get("access_token").asString();
	}

	/**
	 * Proves an e-mail address as its owner does: opens the link identity e-mailed and confirms on that page.
	 * @param mail where the local mode writes e-mails
	 * @param email the address
	 */
	void proveAddress(MailFolder mail, String email) throws Exception {
		java.util.regex.Pattern link = java.util.regex.Pattern.compile("/auth/verify-email\\?token=([A-Za-z0-9_\\-]+)");
		String token = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> mail.find(email, link), java.util.Optional::isPresent)
			.orElseThrow();
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> page = get(http, this.gateway + "/auth/verify-email?token=" + token);
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page.body());
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2));
		}
		fields.put("token", token);
		HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/auth/verify-email"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (confirmed.statusCode() != 200) {
			throw new IllegalStateException("verification answered " + confirmed.statusCode() + ": " + confirmed.body());
		}
	}

	/**
	 * Follows redirects from a start address, filling in the identity sign-in form when it shows up, until a
	 * redirect reaches the destination.
	 * @param http a cookie-keeping client that does not follow redirects itself
	 * @param start where to start
	 * @param email the person's e-mail
	 * @param password the password
	 * @param destination recognises the address where the journey ends
	 * @return that address
	 */
	String signIn(HttpClient http, String start, String email, String password,
			java.util.function.Predicate<String> destination) throws Exception {
		HttpResponse<String> response = get(http, start);
		for (int step = 0; step < 12; step++) {
			if (response.statusCode() == 302 || response.statusCode() == 303) {
				String location = absolute(response.headers().firstValue("Location").orElseThrow());
				if (destination.test(location)) {
					return location;
				}
				response = get(http, location);
			}
			else if (response.statusCode() == 200 && response.body().contains("password")) {
				response = submitLogin(http, response.body(), email, password);
			}
			else {
				throw new IllegalStateException("unexpected answer " + response.statusCode() + " at step " + step + ": "
						+ response.body());
			}
		}
		throw new IllegalStateException("did not reach the destination after signing in");
	}

	private HttpResponse<String> submitLogin(HttpClient http, String page, String email, String password) throws Exception {
		Matcher action = FORM_ACTION.matcher(page);
		String target = action.find() ? absolute(action.group(1).replace("&amp;", "&")) : this.gateway + "/auth/login";
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page);
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2));
		}
		fields.put("username", email);
		fields.put("password", password);
		return http.send(HttpRequest.newBuilder(URI.create(target))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String absolute(String location) {
		return location.startsWith("http") ? location : this.gateway + location;
	}

	private static @Nullable String parameter(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return null;
		}
		for (String pair : url.substring(query + 1).split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
