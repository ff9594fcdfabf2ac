package org.mutualis.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code infra/local/start} command: starts the whole stack in the foreground, prints where it is ready and
 * stops every part in order on Ctrl-C or {@code infra/local/stop}.
 */
public final class Launcher {

	static final String DEMO_PASSWORD = "Mutualis-Demo-2026";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final PrintStream out;

	private volatile boolean shuttingDown;

	private Launcher(PrintStream out) {
		this.out = out;
	}

	/**
	 * Runs the stack until interrupted.
	 * @param args see {@link LauncherOptions#USAGE}
	 */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		LauncherOptions options;
		try {
			options = LauncherOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(LauncherOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			out.print(LauncherOptions.USAGE);
			return;
		}
		System.exit(new Launcher(out).run(options));
	}

	private int run(LauncherOptions options) {
		Path data = options.dataDirectory().toAbsolutePath().normalize();
		Path pidFile = data.resolve("launcher.pid");
		Optional<Long> other = runningLauncher(pidFile);
		if (other.isPresent()) {
			System.err.println("Mutualis is already running from " + data + " (launcher pid " + other.get()
					+ "); stop it with infra/local/stop");
			return 1;
		}
		try {
			if (options.fresh()) {
				say("wiping " + data);
				wipe(data);
			}
			Files.createDirectories(data);
			Files.writeString(pidFile, ProcessHandle.current().pid() + System.lineSeparator());
		}
		catch (IOException ex) {
			System.err.println("cannot prepare " + data + ": " + ex);
			return 1;
		}
		LocalStack.Builder builder = LocalStack.builder();
		options.instances().forEach(builder::instances);
		LocalStack stack = builder
			.dataDirectory(data)
			.portOffset(options.portOffset())
			.demoData(options.demoData())
			.parts(options.parts())
			.classDataSharing(options.classDataSharing())
			.throughput(options.throughput())
			.progress(this::say)
			.build();
		Thread hook = new Thread(() -> {
			this.shuttingDown = true;
			say("stopping Mutualis");
			stack.stop();
			deleteQuietly(pidFile);
			say("Mutualis stopped");
		}, "mutualis-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		long started = System.nanoTime();
		say("starting " + stack.parts() + " (data in " + data + ", logs in " + data.resolve("logs") + ")");
		try {
			stack.start();
		}
		catch (LaunchException ex) {
			if (this.shuttingDown) {
				return 130;
			}
			System.err.println();
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.println("Mutualis did not start; the other parts were stopped. Full log: "
					+ stack.logFile(ex.part()));
			Runtime.getRuntime().removeShutdownHook(hook);
			deleteQuietly(pidFile);
			return 1;
		}
		say("all parts ready in %.1f s".formatted((System.nanoTime() - started) / 1e9));
		printWelcome(stack, options);
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private void printWelcome(LocalStack stack, LauncherOptions options) {
		this.out.println();
		this.out.println("Mutualis is ready at " + stack.url(Part.GATEWAY));
		this.out.println();
		if (!stack.parts().contains(Part.GATEWAY)) {
			this.out.println("  (the gateway was not started: each service answers on its own port)");
		}
		if (options.demoData()) {
			this.out.println("  Demo accounts (demo only), password " + DEMO_PASSWORD + " for all:");
			this.out.println("    administrator   admin@mutualis.demo");
			this.out.println("    managers        gestion@laruche.demo, gestion@lephare.demo, gestion@jardins.demo,");
			this.out.println("                    gestion@ateliervelo.demo (organisation awaiting approval)");
			this.out.println("    members         membre@laruche.demo, membre@lephare.demo, membre@jardins.demo");
		}
		this.out.println("  E-mails land in   " + stack.dataDirectory().resolve("mail"));
		this.out.println("  Logs              " + stack.dataDirectory().resolve("logs") + "/<part>.log");
		this.out.println("  Stop with Ctrl-C, or infra/local/stop from another terminal.");
		this.out.println();
	}

	private void say(String message) {
		this.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
	}

	private static Optional<Long> runningLauncher(Path pidFile) {
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((handle) -> handle.info().command().map((command) -> command.contains("java")).orElse(true))
				.map(ProcessHandle::pid);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static void wipe(Path data) throws IOException {
		Path root = data.toAbsolutePath().normalize();
		if (root.getParent() == null || root.equals(Path.of(System.getProperty("user.home")).toAbsolutePath())
				|| Files.isRegularFile(root.resolve("pom.xml"))) {
			throw new IOException("refusing to wipe " + root + ": it does not look like a data directory");
		}
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the next start checks whether the pid is alive anyway
		}
	}

}
