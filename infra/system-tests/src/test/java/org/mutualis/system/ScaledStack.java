package org.mutualis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.mutualis.local.JarLocator;
import org.mutualis.local.LocalStack;
import org.mutualis.local.Part;

import static org.awaitility.Awaitility.await;

/**
 * A stack of its own for the scale-out tests: its own Kafka and store (started by the launcher), identity, two
 * instances each of listings, booking and notifications, and the gateway balancing over them; no web. Small JVMs
 * (C1, 256 MB), its own ports and data directory, so that it never meets {@link RunningSystem}'s stack.
 */
final class ScaledStack implements AutoCloseable {

	/** The parts that run twice. */
	static final List<Part> SCALED = List.of(Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS);

	/** The line {@code ProcessedEvents} writes for each event a consumer applied. */
	private static final Pattern APPLIED = Pattern.compile("applied (\\S+) (\\S+) of (\\S+) \\(([^)]+)\\)");

	private final LocalStack stack;

	private ScaledStack(LocalStack stack) {
		this.stack = stack;
	}

	/**
	 * Starts the stack and returns once every instance is healthy.
	 * @param portOffset its port offset
	 * @param name names its data directory and its progress lines
	 * @param extra Spring Boot arguments per part, given to every instance of it
	 * @return the running stack
	 */
	static ScaledStack start(int portOffset, String name, Map<Part, List<String>> extra) {
		Path data;
		try {
			data = Files.createTempDirectory("mutualis-" + name + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path repository = Path.of(System.getProperty("mutualis.repository", "../..")).toAbsolutePath().normalize();
		JarLocator jars = JarCopies.copy(repository, data.resolve("jars"),
				List.of(Part.IDENTITY, Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS, Part.GATEWAY));
		LocalStack.Builder builder = LocalStack.builder()
			.repository(repository)
			// instances restart from these copies: a build rewriting a jar meanwhile cannot break a restart
			.jarLocator(jars)
			.dataDirectory(data)
			.portOffset(portOffset)
			.parts(Part.KAFKA, Part.STORE, Part.IDENTITY, Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS, Part.GATEWAY)
			.demoData(true)
			.jvmOptions(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
					"-XX:+ExitOnOutOfMemoryError",
					// the load comes from one address and few people; the limits have their own tests in the gateway
					"-Dmutualis.gateway.rate-limit.enabled=false"))
			.startTimeout(Duration.ofMinutes(5))
			.progress((line) -> System.out.println("[" + name + "] " + line));
		SCALED.forEach((part) -> builder.instances(part, 2));
		LocalStack stack = builder.build();
		extra.forEach(stack::extraArguments);
		ScaledStack scaled = new ScaledStack(stack);
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			stack.stop();
			throw ex;
		}
		return scaled;
	}

	LocalStack stack() {
		return this.stack;
	}

	/**
	 * Waits until the gateway sends calls to an instance again: its gauge {@code mutualis.gateway.upstream.ready} is 1
	 * (the gateway's readiness probe of the instance answered 200 since it last failed). Being healthy when asked
	 * directly is not enough: stopping the next instance before the gateway takes this one back would leave the
	 * gateway no instance of the service to call.
	 * @param part a scaled part
	 * @param number its instance number
	 */
	void awaitInTheGatewayBalancing(Part part, int number) {
		Pattern gauge = Pattern.compile("mutualis_gateway_upstream_ready\\{[^}]*instance=\"" + part.partName()
				+ "@[^\"]*:" + this.stack.port(part, number) + "\"[^}]*} (\\S+)");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest scrape = HttpRequest.newBuilder(URI.create(gateway() + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			Matcher matcher = gauge.matcher(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
			return matcher.find() && Double.parseDouble(matcher.group(1)) == 1.0;
		});
	}

	String gateway() {
		return this.stack.url(Part.GATEWAY);
	}

	/**
	 * Every event applied by the instances of a service, read from their logs (each instance's log keeps every start).
	 * @param part a scaled part
	 * @return one entry per applied event and consumer
	 */
	List<Applied> applied(Part part) {
		List<Applied> applied = new ArrayList<>();
		for (int number = 1; number <= this.stack.instances(part); number++) {
			Path log = this.stack.logFile(part, number);
			if (!Files.isRegularFile(log)) {
				continue;
			}
			try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
				int instance = number;
				lines.forEach((line) -> {
					Matcher matcher = APPLIED.matcher(line);
					if (matcher.find()) {
						applied.add(new Applied(instance, matcher.group(1), matcher.group(2), matcher.group(3),
								matcher.group(4)));
					}
				});
			}
			catch (IOException | UncheckedIOException ex) {
				throw new IllegalStateException("cannot read " + log, ex);
			}
		}
		return applied;
	}

	/** @return every event applied by any instance of the scaled parts, read from their logs */
	List<Applied> appliedAnywhere() {
		List<Applied> applied = new ArrayList<>();
		SCALED.forEach((part) -> applied.addAll(applied(part)));
		return applied;
	}

	/** @return how many partitions the topic has */
	int partitions(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.url(Part.KAFKA)))) {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
	}

	/**
	 * Which partitions each member holds now, in every consumer group a service's instances share
	 * ({@code <service>-<feature>}; not the search index's group of its own per instance).
	 * @param part a scaled part
	 * @return by group id, one set of partitions per member
	 */
	Map<String, List<Set<TopicPartition>>> sharedGroups(Part part) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.url(Part.KAFKA)))) {
			List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
				.map((listing) -> listing.groupId())
				.filter((group) -> group.startsWith(part.partName() + "-") && !group.contains("-search-"))
				.toList();
			Map<String, List<Set<TopicPartition>>> assignments = new java.util.TreeMap<>();
			admin.describeConsumerGroups(groups).all().get().forEach((group, description) -> assignments.put(group,
					description.members().stream().map(MemberDescription::assignment)
						.map((assignment) -> Set.copyOf(assignment.topicPartitions())).toList()));
			return assignments;
		}
	}

	@Override
	public void close() {
		this.stack.stop();
		JarCopies.delete(this.stack.dataDirectory().resolve("jars"));
	}

	/**
	 * One event applied by one consumer of one instance.
	 * @param instance the instance number
	 * @param type the event type
	 * @param id the event id
	 * @param subject the aggregate it is about
	 * @param consumer the consuming feature
	 */
	record Applied(int instance, String type, String id, String subject, String consumer) {
	}

}
