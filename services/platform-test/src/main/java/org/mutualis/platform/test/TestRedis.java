package org.mutualis.platform.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A throw-away Redis without persistence for one test: Debian's {@code redis-server} (installed by {@code .ci/run})
 * on a free port, otherwise the {@code redis} image when a Docker engine answers. Tests call {@link #available()}
 * in an assumption first, so that they are skipped, with the reason, where neither exists.
 */
public final class TestRedis implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/redis-server");

	private static final DockerImageName IMAGE = DockerImageName.parse("redis:7.4-alpine");

	private final AutoCloseable stop;

	private final String host;

	private final int port;

	private TestRedis(AutoCloseable stop, String host, int port) {
		this.stop = stop;
		this.host = host;
		this.port = port;
	}

	/** @return whether a Redis can be started here (the binary, or Docker) */
	public static boolean available() {
		return Files.isExecutable(BINARY) || TestInfrastructure.dockerAvailable();
	}

	/** @return a started Redis on a free port */
	public static TestRedis start() throws IOException {
		return Files.isExecutable(BINARY) ? start(freePort()) : container();
	}

	/**
	 * Starts {@code redis-server} on a given port (e.g. the port of a Redis a test stopped, to start it again).
	 * @param port the port
	 * @return the started Redis
	 */
	public static TestRedis start(int port) throws IOException {
		Process process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!accepts(port)) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				process.destroyForcibly();
				throw new IOException("redis-server did not accept connections on port " + port);
			}
			sleep();
		}
		return new TestRedis(() -> {
			process.destroy();
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}, "127.0.0.1", port);
	}

	@SuppressWarnings("resource")
	private static TestRedis container() {
		GenericContainer<?> redis = new GenericContainer<>(IMAGE).withExposedPorts(6379);
		redis.start();
		return new TestRedis(redis::stop, redis.getHost(), redis.getMappedPort(6379));
	}

	/** @return a port nobody listens on now */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** @return its port */
	public int port() {
		return this.port;
	}

	/** @return its address, as {@code spring.data.redis.url} takes it */
	public String url() {
		return "redis://" + this.host + ":" + this.port;
	}

	@Override
	public void close() throws Exception {
		this.stop.close();
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
