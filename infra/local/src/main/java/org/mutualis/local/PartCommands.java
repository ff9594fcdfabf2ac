package org.mutualis.local;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.function.Consumer;
import java.util.jar.Manifest;

import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * Builds the command line of each part and writes the files those commands read (Kafka's and log4j's
 * configuration, the {@link ParentWatch} jar); what the services are told lives in {@link PartArguments}.
 */
final class PartCommands {

	/** The main class of a Spring Boot executable jar, run through {@link ParentWatch} from the class path. */
	static final String BOOT_JAR_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	private final Path dataDirectory;

	private final List<String> jvmOptions;

	private final JarLocator jarLocator;

	private final List<String> childClasspath;

	private final @Nullable ClassDataSharing archives;

	private final PartArguments arguments;

	private final Map<Part, List<String>> extraArguments = new java.util.concurrent.ConcurrentHashMap<>();

	private final long launcherPid;

	/** Whether Kafka and the store run with the full JIT and larger heaps ({@code --throughput}). */
	private final boolean throughput;

	PartCommands(Path dataDirectory, List<String> jvmOptions, JarLocator jarLocator, List<String> childClasspath,
			boolean classDataSharing, PartArguments arguments, Consumer<String> progress) {
		this(dataDirectory, jvmOptions, jarLocator, childClasspath, classDataSharing, arguments, progress, false);
	}

	PartCommands(Path dataDirectory, List<String> jvmOptions, JarLocator jarLocator, List<String> childClasspath,
			boolean classDataSharing, PartArguments arguments, Consumer<String> progress, boolean throughput) {
		this.throughput = throughput;
		this.dataDirectory = dataDirectory;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.jarLocator = jarLocator;
		this.childClasspath = List.copyOf(childClasspath);
		this.archives = classDataSharing ? new ClassDataSharing(dataDirectory, jvmOptions) : null;
		this.arguments = arguments;
		this.launcherPid = ProcessHandle.current().pid();
	}

	/**
	 * The full command line of a part: every part runs {@link ParentWatch} first, so it ends when this JVM does.
	 * @param part a part
	 * @return program and arguments
	 */
	List<String> command(Part part) {
		return command(Instance.first(part));
	}

	/**
	 * The full command line of one instance of a part.
	 * @param instance an instance
	 * @return program and arguments
	 */
	List<String> command(Instance instance) {
		Part part = instance.part();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-D" + ParentWatch.LAUNCHER_PID + "=" + this.launcherPid);
		command.add("-Dmutualis.part=" + instance.name());
		switch (part) {
			case KAFKA -> {
				command.addAll(this.throughput
						? List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
								"-Djava.awt.headless=true")
						: List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
								"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
				command.add("-Dlog4j2.configurationFile=" + log4jConfiguration());
				command.addAll(List.of("-cp", String.join(File.pathSeparator, this.childClasspath),
						ParentWatch.class.getName(), KafkaBroker.class.getName()));
				KafkaBrokerConfig config = kafkaConfig();
				if (!config.formatted()) {
					// first start: StorageTool formats the log directory in the broker's JVM, before the broker runs
					command.addAll(List.of("--format", Uuid.randomUuid().toString()));
				}
				command.add(config.propertiesFile().toString());
			}
			case STORE -> {
				// under load: G1 with 32 MB regions. The parallel collector stopped the store ~300 ms every ~25 s to
				// compact what H2's pages leave behind (the tail of every benchmark); G1 reclaims it in short mixed
				// pauses. 32 MB regions keep H2's pages and most chunk buffers out of humongous regions.
				command.addAll(this.throughput
						? List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:G1HeapRegionSize=32m", "-XX:MaxGCPauseMillis=25",
								"-XX:+ExitOnOutOfMemoryError")
						: List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
								"-XX:+ExitOnOutOfMemoryError"));
				command.add("-Dlog4j2.configurationFile=" + log4jConfiguration());
				command.addAll(List.of("-cp", String.join(File.pathSeparator, this.childClasspath),
						ParentWatch.class.getName(), DocumentStore.class.getName(),
						Integer.toString(this.arguments.port(Part.STORE)),
						this.dataDirectory.resolve("mongo").resolve("mutualis.mv").toString()));
			}
			default -> {
				command.addAll(this.jvmOptions.stream()
					.map((option) -> option.replace("{part}", part.partName())
						.replace("{data}", this.dataDirectory.toString()))
					.toList());
				Path jar = this.jarLocator.jarOf(part);
				// one archive per part, kept by its first instance: two JVMs must not write one file as they exit
				if (this.archives != null && instance.number() == 1) {
					command.addAll(this.archives.options(part, List.of(jar, parentWatchJar())));
				}
				// not -jar: the watch comes first; JarLauncher finds the executable jar from its own location
				command.addAll(List.of("-cp", jar + File.pathSeparator + parentWatchJar(), ParentWatch.class.getName(),
						BOOT_JAR_LAUNCHER));
				command.addAll(this.arguments.service(instance));
				command.addAll(this.extraArguments.getOrDefault(part, List.of()));
			}
		}
		return command;
	}

	/**
	 * Sets arguments added after a service's own ones at its next start (later ones win in Spring Boot).
	 * @param part a service part
	 * @param extra the arguments, e.g. {@code --mutualis.clock.offset=PT3H}; empty to remove them
	 */
	void extraArguments(Part part, List<String> extra) {
		this.extraArguments.put(part, List.copyOf(extra));
	}

	/**
	 * Writes what the command of a part reads and creates the directories it writes to.
	 * @param part the part about to start
	 * @throws IOException if a file cannot be written
	 */
	void prepare(Part part) throws IOException {
		if (part == Part.KAFKA) {
			kafkaConfig().write();
		}
		if (part == Part.KAFKA || part == Part.STORE) {
			writeLog4jConfiguration();
		}
		if (part.isService()) {
			Files.createDirectories(this.dataDirectory.resolve("mail"));
			Files.createDirectories(this.dataDirectory.resolve("cds"));
			writeParentWatchJar();
		}
	}

	/**
	 * @param part a part
	 * @return where its output goes
	 */
	Path logFile(Part part) {
		return logFile(Instance.first(part));
	}

	/**
	 * @param instance an instance of a part
	 * @return where its output goes ({@code logs/booking.log}, {@code logs/booking-2.log})
	 */
	Path logFile(Instance instance) {
		return this.dataDirectory.resolve("logs").resolve(instance.name() + ".log");
	}

	KafkaBrokerConfig kafkaConfig() {
		int broker = this.arguments.port(Part.KAFKA);
		return new KafkaBrokerConfig(this.dataDirectory, broker, broker + Part.KAFKA_CONTROLLER_DELTA);
	}

	private Path parentWatchJar() {
		return this.dataDirectory.resolve("conf").resolve("parent-watch.jar");
	}

	/**
	 * Writes the jar holding {@link ParentWatch} only when its content changed: its size and time are part of the
	 * class path an AppCDS archive is checked against, so rewriting it would throw every archive away.
	 */
	private synchronized void writeParentWatchJar() throws IOException {
		byte[] content = parentWatchJarContent();
		Path jar = parentWatchJar();
		if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), content)) {
			return;
		}
		Files.createDirectories(jar.getParent());
		// services start in parallel, possibly from two stacks on one data directory: never a half-written jar
		Path next = Files.createTempFile(jar.getParent(), "parent-watch", ".jar.next");
		Files.write(next, content);
		Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static byte[] parentWatchJarContent() throws IOException {
		String entryName = ParentWatch.class.getName().replace('.', '/') + ".class";
		byte[] classFile;
		try (InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(entryName)) {
			if (in == null) {
				throw new IOException("cannot read " + entryName + " from the launcher's class path");
			}
			classFile = in.readAllBytes();
		}
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes)) {
			// fixed times, so that the same class gives the same bytes
			JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
			manifestEntry.setTime(0);
			jar.putNextEntry(manifestEntry);
			manifest.write(jar);
			jar.closeEntry();
			JarEntry classEntry = new JarEntry(entryName);
			classEntry.setTime(0);
			jar.putNextEntry(classEntry);
			jar.write(classFile);
			jar.closeEntry();
		}
		return bytes.toByteArray();
	}

	private Path log4jConfiguration() {
		return this.dataDirectory.resolve("conf").resolve("log4j2.properties");
	}

	private void writeLog4jConfiguration() throws IOException {
		Path file = log4jConfiguration();
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				status = warn
				appender.console.type = Console
				appender.console.name = console
				appender.console.layout.type = PatternLayout
				appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
				rootLogger.level = info
				rootLogger.appenderRef.console.ref = console
				logger.stateChange.name = state.change.logger
				logger.stateChange.level = warn
				logger.request.name = kafka.request.logger
				logger.request.level = warn
				logger.controller.name = kafka.controller
				logger.controller.level = info
				# the full configuration dump at each start drowns the useful lines
				logger.config.name = org.apache.kafka.common.config.AbstractConfig
				logger.config.level = warn
				""", StandardCharsets.UTF_8);
	}

	/**
	 * The class path of the Kafka and store JVMs: this module's {@code target/classes} and
	 * {@code target/classpath.txt} when built in the repository, else the launcher's own class path.
	 * @param repository the repository root
	 * @return class path entries
	 */
	static List<String> defaultChildClasspath(Path repository) {
		Path module = repository.resolve("infra").resolve("local").resolve("target");
		Path classpathFile = module.resolve("classpath.txt");
		if (Files.isRegularFile(classpathFile) && Files.isDirectory(module.resolve("classes"))) {
			try {
				List<String> classpath = new ArrayList<>();
				classpath.add(module.resolve("classes").toString());
				String content = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
				if (!content.isEmpty()) {
					classpath.addAll(List.of(content.split(File.pathSeparator)));
				}
				return classpath;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
	}

}
