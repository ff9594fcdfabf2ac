package org.mutualis.platform.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of a server that can be frozen: connections stay open and new ones are accepted by the
 * kernel, but no byte moves — what a server stopped with {@code kill -STOP} looks like to its clients.
 */
final class FreezableProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean frozen;

	private volatile boolean closed;

	FreezableProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon().name("proxy-accept").start(this::acceptLoop);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	void freeze() {
		this.frozen = true;
	}

	void thaw() {
		this.frozen = false;
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				Thread.ofPlatform().daemon().name("proxy-connect").start(() -> connect(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void connect(Socket client) {
		try {
			waitWhileFrozen();
			Socket server = new Socket(this.targetHost, this.targetPort);
			this.sockets.add(client);
			this.sockets.add(server);
			Thread.ofPlatform().daemon().name("proxy-up").start(() -> pump(client, server));
			Thread.ofPlatform().daemon().name("proxy-down").start(() -> pump(server, client));
		}
		catch (IOException | InterruptedException ex) {
			closeQuietly(client);
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				waitWhileFrozen();
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// one side went away: close both, as a real connection would end
		}
		closeQuietly(from);
		closeQuietly(to);
	}

	private void waitWhileFrozen() throws InterruptedException {
		while (this.frozen && !this.closed) {
			Thread.sleep(20);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		this.sockets.forEach(FreezableProxy::closeQuietly);
	}

}
