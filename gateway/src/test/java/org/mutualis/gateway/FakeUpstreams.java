package org.mutualis.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The five services as tiny JDK HTTP servers that describe the request they received; identity also serves the
 * test key set at {@code /oauth2/jwks}. Started once per test JVM.
 */
final class FakeUpstreams {

	/** Pause between the two events of {@code /stream}. */
	static final long STREAM_PAUSE_MILLIS = 1500;

	/** How many {@code /endless-stream} connections the caller closed. */
	static final AtomicInteger ENDLESS_STREAMS_CLOSED = new AtomicInteger();

	private static final FakeUpstreams INSTANCE = new FakeUpstreams();

	private final Map<String, HttpServer> servers = new LinkedHashMap<>();

	private FakeUpstreams() {
		for (String name : new String[] { "identity", "listings", "booking", "notifications", "web" }) {
			this.servers.put(name, start(name));
		}
	}

	static FakeUpstreams get() {
		return INSTANCE;
	}

	String url(String service) {
		return "http://127.0.0.1:" + this.servers.get(service).getAddress().getPort();
	}

	/** Properties that point a gateway at these upstreams and at the test issuer. */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		this.servers.keySet().forEach((name) -> properties.put("mutualis.gateway.services." + name, url(name)));
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", url("identity") + "/oauth2/jwks");
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
		return properties;
	}

	private static HttpServer start(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", (exchange) -> answer(name, exchange));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(String name, HttpExchange exchange) throws IOException {
		long received;
		try (InputStream body = exchange.getRequestBody()) {
			received = body.transferTo(OutputStream.nullOutputStream());
		}
		String path = exchange.getRequestURI().getRawPath();
		if (path.endsWith("/stream")) {
			stream(exchange);
			return;
		}
		if (path.endsWith("/endless-stream")) {
			endlessStream(exchange);
			return;
		}
		String text;
		String type;
		if (name.equals("identity") && path.equals("/oauth2/jwks")) {
			text = TestTokens.jwks();
			type = "application/json";
		}
		else {
			text = "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
					+ path + "\",\"host\":\"" + header(exchange, "Host") + "\",\"authorization\":\""
					+ header(exchange, "Authorization") + "\",\"forwardedHost\":\""
					+ header(exchange, "X-Forwarded-Host") + "\",\"forwardedProto\":\""
					+ header(exchange, "X-Forwarded-Proto") + "\",\"forwardedFor\":\""
					+ header(exchange, "X-Forwarded-For") + "\",\"forwarded\":\"" + header(exchange, "Forwarded") + "\",\"received\":" + received + "}";
			type = name.equals("web") ? "text/html;charset=UTF-8" : "application/json";
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Sends one server-sent event, waits, then sends another: a buffering gateway would hold the first back. */
	private static void stream(HttpExchange exchange) throws IOException {
		try (OutputStream out = firstEvent(exchange)) {
			Thread.sleep(STREAM_PAUSE_MILLIS);
			out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Sends one server-sent event, then a comment every 100 ms for as long as the caller listens; records when the
	 * caller's side closed the connection.
	 */
	private static void endlessStream(HttpExchange exchange) throws IOException {
		try (OutputStream out = firstEvent(exchange)) {
			while (true) {
				Thread.sleep(100);
				out.write(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (IOException ex) {
			ENDLESS_STREAMS_CLOSED.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts an event stream and sends its first event. */
	private static OutputStream firstEvent(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		return out;
	}

	private static String header(HttpExchange exchange, String name) {
		String value = exchange.getRequestHeaders().getFirst(name);
		return (value != null) ? value.replace("\\", "\\\\").replace("\"", "\\\"") : "";
	}

}
