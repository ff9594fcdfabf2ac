package org.mutualis.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/** The settings a {@link LocalStack.Builder} collects, with their defaults; read once by the stack it builds. */
final class StackSettings {

	Path dataDirectory = Path.of("data");

	int portOffset;

	@Nullable String externalKafka;

	@Nullable String externalMongo;

	boolean demoData = true;

	Set<Part> parts = EnumSet.allOf(Part.class);

	Map<Part, Integer> instances = new EnumMap<>(Part.class);

	List<String> jvmOptions = LocalStack.Builder.SMALL_MACHINE_JVM_OPTIONS;

	@Nullable JarLocator jarLocator;

	@Nullable Path repository;

	@Nullable List<String> childClasspath;

	Duration startTimeout = Duration.ofSeconds(120);

	boolean classDataSharing;

	boolean throughput;

	Consumer<String> progress = (message) -> {
	};

}
