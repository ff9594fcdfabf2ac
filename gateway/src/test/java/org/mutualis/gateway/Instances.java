package org.mutualis.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Instances of one service for the balancing tests: a healthy one that names itself and counts calls by method (its
 * readiness probe answers 200 or 503 as told), one that answers every call {@code 503} (as a Tomcat that has begun
 * its graceful shutdown answers on a kept-alive connection) while its probe still says ready, and one that reads a
 * request and hangs up without answering (as an instance dying mid-call would). Readiness probes are not counted.
 */
final class Instances {

	private Instances() {
	}

	/** @return the address of an instance that is not running: a port nobody listens on */
	static String nowhere() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A client of the gateway under test.
	 * @param port its port
	 * @return the client
	 */
	static org.springframework.test.web.reactive.server.WebTestClient client(int port) {
		return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.build();
	}

	/** Counts the calls one instance received, by method. */
	static class Calls {

		private final Map<String, AtomicInteger> byMethod = new ConcurrentHashMap<>();

		void add(String method) {
			this.byMethod.computeIfAbsent(method, (m) -> new AtomicInteger()).incrementAndGet();
		}

		int of(String method) {
			AtomicInteger count = this.byMethod.get(method);
			return (count != null) ? count.get() : 0;
		}

	}

	/**
	 * An instance answering {@code {"instance":"<name>","method":"…","received":<bytes>}} with a status of its own,
	 * and {@code 200} (ready) or {@code 503} on {@code /actuator/health/readiness}.
	 */
	static class Answering extends Calls {

		private final HttpServer server;

		private volatile boolean ready = true;

		Answering(String name, int status) {
			try {
				this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			this.server.createContext("/actuator/health/readiness", (exchange) -> {
				exchange.getRequestBody().close();
				exchange.sendResponseHeaders(this.ready ? 200 : 503, -1);
				exchange.close();
			});
			this.server.createContext("/", (exchange) -> {
				long received;
				try (InputStream body = exchange.getRequestBody()) {
					received = body.transferTo(OutputStream.nullOutputStream());
				}
				add(exchange.getRequestMethod());
				byte[] bytes = ("{\"instance\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
						+ "\",\"received\":" + received + "}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			this.server.start();
		}

		/** @param ready whether its readiness probe answers 200 from now on (else 503) */
		void ready(boolean ready) {
			this.ready = ready;
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

	}

	/** A healthy instance: every call answered {@code 200}. */
	static final class Healthy extends Answering {

		Healthy(String name) {
			super(name, 200);
		}

	}

	/** An instance whose probe still says ready but that answers every call {@code 503}. */
	static final class Unavailable extends Answering {

		Unavailable(String name) {
			super(name, 503);
		}

	}

	/** An instance that reads each request's head, counts it, and closes the connection without a word. */
	static final class HangingUp extends Calls {

		private final ServerSocket socket;

		HangingUp() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread.ofVirtual().start(() -> {
				while (!this.socket.isClosed()) {
					try {
						Socket connection = this.socket.accept();
						Thread.ofVirtual().start(() -> hangUp(connection));
					}
					catch (IOException ex) {
						return;
					}
				}
			});
		}

		private void hangUp(Socket connection) {
			try (connection) {
				InputStream in = connection.getInputStream();
				StringBuilder head = new StringBuilder();
				int c;
				while ((c = in.read()) >= 0) {
					head.append((char) c);
					if (head.toString().endsWith("\r\n\r\n")) {
						if (head.toString().startsWith("GET /actuator/health/readiness ")) {
							// its probe still says ready: the gateway keeps sending it calls
							connection.getOutputStream()
								.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
									.getBytes(StandardCharsets.US_ASCII));
							return;
						}
						add(head.substring(0, head.indexOf(" ")));
						return;
					}
				}
			}
			catch (IOException ex) {
				// the gateway gave up first: nothing to count
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

	}

}
