package org.mutualis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-compatible store of the local stack, run in its own JVM: mongo-java-server on an H2 file,
 * closed cleanly on SIGTERM so the file survives restarts. It also answers {@code hello}, which Spring Boot's
 * MongoDB health indicator sends and mongo-java-server 1.47 only knows as {@code isMaster}.
 */
public final class DocumentStore {

	private DocumentStore() {
	}

	/**
	 * Runs the store until the JVM is told to stop.
	 * @param args {@code <port> <file.mv>}
	 * @throws Exception if the file cannot be opened or the port bound
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: DocumentStore <port> <file.mv>");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		Path file = Path.of(args[1]).toAbsolutePath();
		Files.createDirectories(file.getParent());
		H2Backend backend = new StoreBackend(file.toString());
		MongoServer server = new MongoServer(backend);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("store stopping");
			server.shutdown();
			// shutdown() closes the backend too; closing an MVStore twice is harmless
			backend.close();
			System.out.println("store stopped, " + file + " closed");
			stopped.countDown();
		}, "store-stop"));
		server.bind("127.0.0.1", port);
		System.out.println("store listening on 127.0.0.1:" + port + ", data in " + file);
		stopped.await();
	}

	/** The H2 backend, with {@code hello} answered like {@code isMaster}. */
	static final class StoreBackend extends H2Backend {

		StoreBackend(String fileName) {
			super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes()).open());
		}

		/**
		 * The page cache: a quarter of the heap. With H2's default of 16 MB the documents of a few hundred busy
		 * listings no longer fit: every read of an evicted page went back to the file and through Java
		 * deserialisation, a quarter of the store's CPU under load (JFR, infra/benchmarks/README.md).
		 */
		static int cacheMegabytes() {
			return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			if ("hello".equalsIgnoreCase(command)) {
				Document response = super.handleCommand(channel, databaseName, "isMaster", query);
				response.putIfAbsent("isWritablePrimary", Boolean.TRUE);
				return response;
			}
			return super.handleCommand(channel, databaseName, command, query);
		}

	}

}
