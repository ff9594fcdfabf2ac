package org.mutualis.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** The checks that say whether a port is free and whether a part answers. */
final class Probes {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Probes() {
	}

	/**
	 * Whether nothing listens on a local port, on any interface.
	 * @param port the port
	 * @return true if a server could bind it
	 */
	static boolean portFree(int port) {
		if (connects("127.0.0.1", port)) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket()) {
			// like the servers we start, tolerate TIME_WAIT leftovers of a previous run
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether a TCP connection to a port succeeds.
	 * @param host the host
	 * @param port the port
	 * @return true if something accepts connections there
	 */
	static boolean connects(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether a Spring Boot service reports itself UP.
	 * @param baseUrl its base URL
	 * @return true on {@code 200} with status {@code UP} from {@code /actuator/health}
	 */
	static boolean serviceUp(String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
			.timeout(Duration.ofSeconds(3))
			.header("Accept", "application/json")
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * An admin client for {@link #kafkaUp(Admin, Duration)}, kept for the whole wait: creating one per attempt
	 * costs more than the attempt.
	 * @param bootstrap bootstrap servers
	 * @return the client; close it
	 */
	static Admin kafkaAdmin(String bootstrap) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
				250));
	}

	/**
	 * Whether a Kafka cluster answers an admin request with at least one broker.
	 * @param admin an admin client of that cluster
	 * @param timeout how long the request may take
	 * @return true if {@code describeCluster} lists a node
	 */
	static boolean kafkaUp(Admin admin, Duration timeout) {
		int millis = (int) timeout.toMillis();
		try {
			return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
				.nodes()
				.get(millis + 500L, TimeUnit.MILLISECONDS)
				.isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
