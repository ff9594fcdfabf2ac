package org.mutualis.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the stack whose output goes to a log file: started in its own session where {@code setsid}
 * exists, so a Ctrl-C in the terminal reaches only the launcher, which then stops children in order.
 */
final class ChildProcess {

	private static final Path SETSID = findSetsid();

	private final Instance instance;

	private final Process process;

	private final Path logFile;

	private ChildProcess(Instance instance, Process process, Path logFile) {
		this.instance = instance;
		this.process = process;
		this.logFile = logFile;
	}

	/**
	 * Starts a command, appending its output to a log file after a line that marks the start.
	 * @param part the part the process is
	 * @param command the command, program first
	 * @param logFile where its standard output and error go
	 * @return the running child
	 * @throws IOException if the log cannot be written or the program not started
	 */
	static ChildProcess start(Part part, List<String> command, Path logFile) throws IOException {
		return start(Instance.first(part), command, Map.of(), logFile);
	}

	/**
	 * Starts a command with extra environment variables, appending its output to a log file.
	 * @param instance the instance of a part the process is
	 * @param command the command, program first
	 * @param environment variables added to this JVM's environment
	 * @param logFile where its standard output and error go
	 * @return the running child
	 * @throws IOException if the log cannot be written or the program not started
	 */
	static ChildProcess start(Instance instance, List<String> command, Map<String, String> environment, Path logFile)
			throws IOException {
		Files.createDirectories(logFile.getParent());
		Files.writeString(logFile, "=== " + Instant.now() + " starting " + instance.name() + ": "
				+ String.join(" ", abbreviated(command)) + System.lineSeparator(), StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		List<String> full = new ArrayList<>();
		if (SETSID != null) {
			// the child is not a process-group leader, so setsid execs in place and the pid stays the JVM's
			full.add(SETSID.toString());
		}
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full);
		builder.environment().putAll(environment);
		Process process = builder.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
			.start();
		return new ChildProcess(instance, process, logFile);
	}

	private static List<String> abbreviated(List<String> command) {
		List<String> shown = new ArrayList<>(command);
		for (int i = 0; i < shown.size() - 1; i++) {
			if (shown.get(i).equals("-cp")) {
				shown.set(i + 1, "<" + shown.get(i + 1).split(File.pathSeparator).length + " class path entries>");
			}
		}
		return shown;
	}

	Part part() {
		return this.instance.part();
	}

	Instance instance() {
		return this.instance;
	}

	Path logFile() {
		return this.logFile;
	}

	long pid() {
		return this.process.pid();
	}

	boolean alive() {
		return this.process.isAlive();
	}

	int exitCode() {
		return this.process.exitValue();
	}

	Process process() {
		return this.process;
	}

	/**
	 * Stops the process: SIGTERM, then SIGKILL if it is still alive after the grace period; its own children,
	 * if any, go the same way.
	 * @param grace how long to wait after SIGTERM
	 * @return whether it stopped within the grace period
	 */
	boolean stop(Duration grace) {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		boolean graceful = true;
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				graceful = false;
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		return graceful;
	}

	/**
	 * The last lines of the log.
	 * @param lines how many lines
	 * @return at most that many lines, oldest first
	 */
	List<String> tail(int lines) {
		return tail(this.logFile, lines);
	}

	static List<String> tail(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			int window = (int) Math.min(length, 64 * 1024);
			byte[] bytes = new byte[window];
			in.seek(length - window);
			in.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			if (window < length && !all.isEmpty()) {
				all = all.subList(1, all.size());
			}
			return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return List.of("(could not read " + file + ": " + ex.getMessage() + ")");
		}
	}

	private static File nullDevice() {
		boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
		return new File(windows ? "NUL" : "/dev/null");
	}

	private static Path findSetsid() {
		for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
			Path path = Path.of(candidate);
			if (Files.isExecutable(path)) {
				return path;
			}
		}
		return null;
	}

}
