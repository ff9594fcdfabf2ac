package org.mutualis.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/** Collects the settings of a {@link LocalStack}; {@link LocalStack#builder()} gives one with the defaults. */
public final class LocalStackBuilder {

	/** The JVM options of each service: small heap, fast start. {@code {part}} and {@code {data}} are replaced. */
	public static final List<String> SMALL_MACHINE_JVM_OPTIONS = List.of("-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-XX:MaxMetaspaceSize=160m",
			"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

	Path dataDirectory = Path.of("data");

	int portOffset;

	@Nullable String externalKafka;

	@Nullable String externalMongo;

	boolean demoData = true;

	Set<Part> parts = EnumSet.allOf(Part.class);

	List<String> jvmOptions = SMALL_MACHINE_JVM_OPTIONS;

	@Nullable JarLocator jarLocator;

	@Nullable Path repository;

	@Nullable List<String> childClasspath;

	Duration startTimeout = Duration.ofSeconds(120);

	boolean classDataSharing;

	Consumer<String> progress = (message) -> {
	};

	LocalStackBuilder() {
	}

	/**
	 * @param dataDirectory where data, logs and e-mails go; default {@code ./data}
	 * @return this builder
	 */
	public LocalStackBuilder dataDirectory(Path dataDirectory) {
		this.dataDirectory = Objects.requireNonNull(dataDirectory);
		return this;
	}

	/**
	 * @param portOffset added to every port; default 0
	 * @return this builder
	 */
	public LocalStackBuilder portOffset(int portOffset) {
		if (portOffset < 0 || Part.KAFKA.basePort() + portOffset + Part.KAFKA_CONTROLLER_DELTA > 65535
				|| Part.STORE.basePort() + portOffset > 65535) {
			throw new IllegalArgumentException("port offset " + portOffset + " puts ports outside 1-65535");
		}
		this.portOffset = portOffset;
		return this;
	}

	/**
	 * Uses a running Kafka instead of starting one.
	 * @param bootstrap bootstrap servers
	 * @return this builder
	 */
	public LocalStackBuilder externalKafka(String bootstrap) {
		this.externalKafka = Objects.requireNonNull(bootstrap);
		return this;
	}

	/**
	 * Uses a running MongoDB instead of starting the store.
	 * @param uri connection string; each service gets its own database on it
	 * @return this builder
	 */
	public LocalStackBuilder externalMongo(String uri) {
		this.externalMongo = Objects.requireNonNull(uri);
		return this;
	}

	/**
	 * @param demoData whether services load the demo organisations, people and listings; default true
	 * @return this builder
	 */
	public LocalStackBuilder demoData(boolean demoData) {
		this.demoData = demoData;
		return this;
	}

	/**
	 * @param parts the parts to start; default all
	 * @return this builder
	 */
	public LocalStackBuilder parts(Part... parts) {
		return parts(List.of(parts));
	}

	/**
	 * @param parts the parts to start; default all
	 * @return this builder
	 */
	public LocalStackBuilder parts(Collection<Part> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("choose at least one part");
		}
		this.parts = EnumSet.copyOf(parts);
		return this;
	}

	/**
	 * @param jvmOptions the JVM options of every service, replacing {@link #SMALL_MACHINE_JVM_OPTIONS}
	 * @return this builder
	 */
	public LocalStackBuilder jvmOptions(List<String> jvmOptions) {
		this.jvmOptions = List.copyOf(jvmOptions);
		return this;
	}

	/**
	 * @param jarLocator where the services' executable jars are; default the repository layout
	 * @return this builder
	 */
	public LocalStackBuilder jarLocator(JarLocator jarLocator) {
		this.jarLocator = Objects.requireNonNull(jarLocator);
		return this;
	}

	/**
	 * @param repository the repository root; default found upwards from the working directory
	 * @return this builder
	 */
	public LocalStackBuilder repository(Path repository) {
		this.repository = Objects.requireNonNull(repository);
		return this;
	}

	/**
	 * @param classpath the class path of the Kafka and store JVMs; default {@code infra/local/target/classpath.txt}
	 * plus its classes, else this JVM's class path
	 * @return this builder
	 */
	public LocalStackBuilder childClasspath(List<String> classpath) {
		this.childClasspath = List.copyOf(classpath);
		return this;
	}

	/**
	 * @param startTimeout how long one part may take to become healthy; default 120 s
	 * @return this builder
	 */
	public LocalStackBuilder startTimeout(Duration startTimeout) {
		this.startTimeout = Objects.requireNonNull(startTimeout);
		return this;
	}

	/**
	 * @param classDataSharing whether services keep a dynamic AppCDS archive in {@code <data>/cds}: measured
	 * about a quarter faster from the second start; default off, since a throw-away data directory only pays
	 * for writing the archives
	 * @return this builder
	 */
	public LocalStackBuilder classDataSharing(boolean classDataSharing) {
		this.classDataSharing = classDataSharing;
		return this;
	}

	/**
	 * @param progress receives one line per step ({@code booking: ready in 6.2 s}); default silent
	 * @return this builder
	 */
	public LocalStackBuilder progress(Consumer<String> progress) {
		this.progress = Objects.requireNonNull(progress);
		return this;
	}

	/** @return the stack, not started */
	public LocalStack build() {
		return new LocalStack(this);
	}

}
