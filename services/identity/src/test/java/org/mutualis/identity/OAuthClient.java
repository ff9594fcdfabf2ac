package org.mutualis.identity;

import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A command-line-like OAuth2 client for tests: authorization code with PKCE as {@code mutualis-cli}, through the
 * sign-in form, with a cookie-keeping HTTP client that never follows redirects.
 */
final class OAuthClient {

	static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final UnaryOperator<String> route;

	OAuthClient(String base) {
		this(base, UnaryOperator.identity());
	}

	/**
	 * A client whose every request goes where {@code route} sends it, e.g. to one instance, then the other.
	 * @param base the first address
	 * @param route rewrites each absolute URL before it is sent
	 */
	OAuthClient(String base, UnaryOperator<String> route) {
		this.base = base;
		this.route = route;
	}

	/** Result of the authorization step: a code, or the redirect that carries an error. */
	record Authorization(String location, String code, String verifier) {
	}

	static String accessToken(String base, String email, String password, String organisation) throws Exception {
		OAuthClient client = new OAuthClient(base);
		Authorization authorization = client.authorize(email, password, organisation);
		if (authorization.code() == null) {
			throw new IllegalStateException("no code: " + authorization.location());
		}
		return client.token(authorization).get("access_token").asString();
	}

	Authorization authorize(String email, String password, String organisation) throws Exception {
		return authorize("mutualis-cli", CLI_REDIRECT, "openid", email, password, organisation);
	}

	Authorization authorize(String clientId, String redirectUri, String scope, String email, String password,
			String organisation) throws Exception {
		String verifier = random();
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = this.base + "/oauth2/authorize?response_type=code&client_id=" + encode(clientId) + "&scope="
				+ encode(scope) + "&redirect_uri=" + encode(redirectUri) + "&state=st4te&code_challenge=" + challenge
				+ "&code_challenge_method=S256" + ((organisation != null) ? "&organisation=" + encode(organisation) : "");
		HttpResponse<String> first = get(authorize);
		if (first.statusCode() != 302) {
			throw new IllegalStateException("authorize answered " + first.statusCode() + ": " + first.body());
		}
		HttpResponse<String> loginPage = get(location(first));
		Matcher csrf = CSRF.matcher(loginPage.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no _csrf in the sign-in page: " + loginPage.body());
		}
		HttpResponse<String> signedIn = signIn(email, password, csrf.group(1), null);
		String location = location(signedIn);
		if (location.contains("/auth/login")) {
			return new Authorization(location, null, verifier);
		}
		HttpResponse<String> back = get(location);
		String redirect = location(back);
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(redirect);
		return new Authorization(redirect, code.find() ? code.group(1) : null, verifier);
	}

	HttpResponse<String> signIn(String email, String password, String csrf, String lang) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", email);
		form.put("password", password);
		form.put("_csrf", csrf);
		if (lang != null) {
			form.put("lang", lang);
		}
		return post(this.base + "/auth/login", form, null);
	}

	String csrfOfLoginPage(String query) throws Exception {
		Matcher csrf = CSRF.matcher(get(this.base + "/auth/login" + query).body());
		if (!csrf.find()) {
			throw new IllegalStateException("no _csrf");
		}
		return csrf.group(1);
	}

	JsonNode token(Authorization authorization) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", authorization.code());
		form.put("redirect_uri", CLI_REDIRECT);
		form.put("client_id", "mutualis-cli");
		form.put("code_verifier", authorization.verifier());
		HttpResponse<String> response = post(this.base + "/oauth2/token", form, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Exchanges a code as the confidential web client, which also gets a refresh token.
	 * @param authorization the code and its verifier
	 * @param redirectUri the redirect URI used to get it
	 * @param basicAuth {@code client:secret}
	 * @return the token response
	 * @throws Exception when the exchange fails
	 */
	JsonNode token(Authorization authorization, String redirectUri, String basicAuth) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", authorization.code());
		form.put("redirect_uri", redirectUri);
		form.put("code_verifier", authorization.verifier());
		HttpResponse<String> response = post(this.base + "/oauth2/token", form, basicAuth);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String url, Map<String, String> form, String basicAuth) throws Exception {
		return post(url, form, basicAuth, Map.of());
	}

	HttpResponse<String> post(String url, Map<String, String> form, String basicAuth, Map<String, String> headers)
			throws Exception {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		if (basicAuth != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode claimsOfResponse(String body) {
		return JSON.readTree(body);
	}

	static JsonNode claims(String jwt) {
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
	}

	static JsonNode header(String jwt) {
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
	}

	private String absolute(String url) {
		return this.route.apply(url.startsWith("http") ? url : this.base + url);
	}

	static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow(
				() -> new IllegalStateException("no Location, status " + response.statusCode()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
