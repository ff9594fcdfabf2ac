package org.mutualis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The MongoDB-compatible store of the local stack, run in its own JVM: mongo-java-server on an H2 file
 * ({@link StoreBackend}), closed cleanly on SIGTERM so the file survives restarts.
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
		StoreBackend backend = StoreBackend.open(file.toString());
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

}
