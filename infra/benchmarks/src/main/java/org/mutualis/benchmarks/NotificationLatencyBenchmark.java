package org.mutualis.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mutualis.local.JarLocator;
import org.mutualis.local.LocalStack;
import org.mutualis.local.Part;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures how long a person waits, end to end, between a booking being confirmed through the gateway and the
 * notification arriving on their live stream, and, in the same run, what the raw broker alone costs.
 *
 * <ol>
 * <li>Starts the local stack ({@link LocalStack}, embedded store, demo data, a fresh data directory) unless
 * {@code --gateway} names a running one. The gateway's rate limits must be off: run it with
 * {@code MUTUALIS_GATEWAY_RATELIMIT_ENABLED=false} in the environment (the stack's children inherit it).</li>
 * <li>Signs in Le Phare's manager, La Ruche's member and the administrator ({@code infra/local/token}).</li>
 * <li>Le Phare publishes a few listings that need its approval; La Ruche's member asks for as many bookings as the
 * run will confirm (they wait, REQUESTED).</li>
 * <li>The member opens their live stream, {@code GET /api/notifications/stream} through the gateway with their
 * bearer token.</li>
 * <li>Le Phare's manager confirms the bookings through the gateway at a fixed rate (open loop: each latency counts
 * from the moment the confirmation was due, so a slow answer cannot hide the ones queued behind it); each
 * latency ends when the stream delivers the {@code booking.confirmed} notification linking to that booking. The path:
 * gateway → booking → its outbox → relay → Kafka → notifications → inbox → stream → gateway.</li>
 * <li>Meanwhile, a producer configured as the relay's (idempotent, {@code acks=all}, {@code linger.ms=5}) sends the
 * same number of messages a second to a benchmark topic of the same broker, and a consumer reads them: the raw
 * broker's produce→consume latency under the same load.</li>
 * </ol>
 *
 * Usage: {@code NotificationLatencyBenchmark [--gateway URL --kafka HOST:PORT] [--rate N] [--seconds N]
 * [--warm-up N] [--listings N] [--port-offset N] [--data DIR] [--jars DIR] [--small] [--start-timeout S]
 * [--token-script PATH]}.
 * {@code --jars DIR} takes a service's executable jar from {@code DIR/<name>-exec.jar} when present there (e.g.
 * jars built from a clean checkout), else from the repository. It prints its figures; it asserts nothing about time.
 */
public final class NotificationLatencyBenchmark {

	private static final String PASSWORD = "Mutualis-Demo-2026";

	private static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	private static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final Random random = new Random(20261130);

	private String gateway;

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private volatile long signedInAt;

	/** When notifications wrote each booking's confirmation (its {@code createdAt}), ms since the epoch. */
	private final Map<String, Long> written = new ConcurrentHashMap<>();

	/** When booking's relay produced each confirmation (the record's timestamp), ms since the epoch. */
	private final Map<String, Long> producedAt = new ConcurrentHashMap<>();

	/** When this benchmark could read each confirmation from Kafka, ms since the epoch. */
	private final Map<String, Long> observedAt = new ConcurrentHashMap<>();

	private NotificationLatencyBenchmark(Map<String, String> options) {
		this.options = options;
		this.gateway = options.getOrDefault("gateway", "");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + args[i]);
			}
			String name = args[i].substring(2);
			boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
			options.put(name, flag ? "true" : args[++i]);
		}
		int status = 1;
		try {
			new NotificationLatencyBenchmark(options).run();
			status = 0;
		}
		catch (Exception | Error ex) {
			// printed here: the exit below would end the JVM before the exception reached the console
			ex.printStackTrace();
		}
		finally {
			// the HTTP client's threads would keep the JVM alive
			System.exit(status);
		}
	}

	private int option(String name, int defaultValue) {
		return Integer.parseInt(this.options.getOrDefault(name, Integer.toString(defaultValue)));
	}

	private void run() throws Exception {
		if (!"false".equals(System.getenv("MUTUALIS_GATEWAY_RATELIMIT_ENABLED"))) {
			throw new IllegalStateException("run with MUTUALIS_GATEWAY_RATELIMIT_ENABLED=false: the gateway's per-person "
					+ "limits would otherwise answer 429 long before 100 confirmations a second");
		}
		int rate = option("rate", 100);
		int seconds = option("seconds", 20);
		// a minute: after 5 s the services' JIT compilers were still busy (the gateway's compilations took 6.9 s of the
		// next 20), and the figures measured the warm-up more than the path
		int warmUp = option("warm-up", 60);
		LocalStack stack = null;
		String kafka = this.options.get("kafka");
		if (this.gateway.isEmpty()) {
			stack = startStack();
			this.gateway = stack.url(Part.GATEWAY);
			kafka = "localhost:" + stack.port(Part.KAFKA);
		}
		if (kafka == null) {
			throw new IllegalArgumentException("--gateway needs --kafka HOST:PORT (the stack's broker)");
		}
		try {
			say("load average before: " + loadAverage());
			signIn();
			List<String> listings = publishListings(option("listings", 10));
			int total = rate * (seconds + warmUp);
			List<Requested> bookings = requestBookings(listings, total);
			measure(kafka, bookings, rate, seconds, warmUp);
		}
		finally {
			if (stack != null) {
				say("stopping the stack");
				stack.close();
			}
		}
	}

	// --- the stack ---------------------------------------------------------------------------------------------

	private LocalStack startStack() throws IOException {
		Path repository = Path.of(this.options.getOrDefault("repository", ".")).toAbsolutePath().normalize();
		Path data = this.options.containsKey("data") ? Path.of(this.options.get("data"))
				: Files.createTempDirectory("mutualis-notification-benchmark");
		JarLocator inRepository = JarLocator.inRepository(repository);
		String jars = this.options.get("jars");
		JarLocator locator = (part) -> {
			if (jars != null) {
				Path built = Path.of(jars).resolve(part.partName() + "-exec.jar");
				if (Files.exists(built)) {
					return built;
				}
			}
			return inRepository.jarOf(part);
		};
		LocalStack stack = LocalStack.builder()
			.repository(repository)
			.dataDirectory(data)
			.portOffset(option("port-offset", 0))
			.demoData(true)
			.throughput(!this.options.containsKey("small"))
			.jarLocator(locator)
			// Kafka and the store run from this program's own class path (it holds the launcher and their jars)
			.childClasspath(List.of(System.getProperty("java.class.path").split(File.pathSeparator)))
			.startTimeout(Duration.ofSeconds(option("start-timeout", 400)))
			.progress((line) -> say("  " + line))
			.build();
		long started = System.nanoTime();
		stack.start();
		say("stack ready in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s at " + stack.url(Part.GATEWAY)
				+ " (data " + data + ")");
		return stack;
	}

	// --- set-up ------------------------------------------------------------------------------------------------

	private void signIn() throws Exception {
		this.tokens.put("owner", token("gestion@lephare.demo", LE_PHARE));
		this.tokens.put("member", token("membre@laruche.demo", LA_RUCHE));
		this.tokens.put("admin", token("admin@mutualis.demo", null));
		this.signedInAt = System.nanoTime();
	}

	/** Access tokens live 5 minutes: sign in again after 3, so that none expires during the measure. */
	private String current(String who) {
		if (System.nanoTime() - this.signedInAt > TimeUnit.MINUTES.toNanos(3)) {
			synchronized (this.tokens) {
				if (System.nanoTime() - this.signedInAt > TimeUnit.MINUTES.toNanos(3)) {
					try {
						signIn();
					}
					catch (Exception ex) {
						throw new IllegalStateException("cannot sign in again", ex);
					}
				}
			}
		}
		return this.tokens.get(who);
	}

	private List<String> publishListings(int count) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Answer created = send("POST", "/api/listings", "owner", listingJson("Salle de mesure " + i), null);
			created.expect(201);
			String id = created.json().get("id").asString();
			for (int attempt = 0;; attempt++) {
				// the organisation's standing reaches listings through identity's events
				Answer submitted = send("POST", "/api/listings/" + id + "/submit", "owner", null, null);
				if (submitted.status() == 200) {
					break;
				}
				if (attempt > 30) {
					submitted.expect(200);
				}
				Thread.sleep(500);
			}
			Answer read = send("GET", "/api/listings/" + id, "admin", null, null);
			read.expect(200);
			send("POST", "/api/listings/" + id + "/publish", "admin", null, read.etag()).expect(200);
			ids.add(id);
		}
		say(count + " listings published (approval needed)");
		return ids;
	}

	private List<Requested> requestBookings(List<String> listings, int count) throws Exception {
		ZonedDateTime base = ZonedDateTime.now(TORONTO).truncatedTo(ChronoUnit.DAYS).plusDays(1).withHour(12);
		// the first one waits until booking's read model has the listing (it travels through Kafka)
		Requested first = null;
		for (int attempt = 0; first == null; attempt++) {
			Answer answer = send("POST", "/api/bookings", "member", bookingJson(listings.get(0), base), null);
			if (answer.status() == 201) {
				first = new Requested(answer.json().get("id").asString(), answer.etag());
			}
			else if (attempt > 60) {
				answer.expect(201);
			}
			else {
				Thread.sleep(500);
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Requested>> futures = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			String listing = listings.get(i % listings.size());
			// an hour inside the opening hours (00:00–23:45) of one of the next 25 days
			ZonedDateTime start = base.plusDays(this.random.nextInt(25)).withHour(1 + this.random.nextInt(21));
			futures.add(pool.submit(() -> {
				Answer answer = send("POST", "/api/bookings", "member", bookingJson(listing, start), null);
				answer.expect(201);
				return new Requested(answer.json().get("id").asString(), answer.etag());
			}));
		}
		List<Requested> requested = new ArrayList<>(List.of(first));
		long started = System.nanoTime();
		for (Future<Requested> future : futures) {
			requested.add(future.get());
			if (requested.size() % 500 == 0) {
				say("  " + requested.size() + " bookings requested");
			}
		}
		pool.shutdown();
		say(requested.size() + " bookings requested in "
				+ TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s; waiting 10 s for their own notifications to settle");
		Thread.sleep(10_000);
		return requested;
	}

	// --- the measure -------------------------------------------------------------------------------------------

	private void measure(String kafka, List<Requested> bookings, int rate, int seconds, int warmUp) throws Exception {
		// fresh tokens: the stream and the confirmations must not outlive theirs
		signIn();
		Map<String, Long> due = new ConcurrentHashMap<>();
		Map<String, Long> received = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch streamOpen = new CountDownLatch(1);
		Thread stream = Thread.ofPlatform().name("sse").start(() -> readStream(received, streamOpen, stop));
		if (!streamOpen.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the live stream did not open");
		}
		Thread observer = null;
		if (this.options.containsKey("timeline")) {
			CountDownLatch observing = new CountDownLatch(1);
			observer = Thread.ofPlatform().name("bookings-observer").start(() -> observeBookings(kafka, observing, stop));
			observing.await(60, TimeUnit.SECONDS);
		}
		RawBroker raw = new RawBroker(kafka, rate, stop);
		Thread rawThread = Thread.ofPlatform().name("raw-broker").start(raw);
		raw.awaitReady();

		// the answers' latencies with their due times: the warm-up's are left out below, as for end to end
		Map<Long, Long> confirmNanos = new java.util.concurrent.ConcurrentHashMap<>();
		AtomicInteger failed = new AtomicInteger();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
		say("confirming " + bookings.size() + " bookings at " + rate + "/s (" + warmUp + " s warm-up, then " + seconds
				+ " s measured), raw broker at the same rate; load average " + loadAverage());
		for (int i = 0; i < bookings.size(); i++) {
			long when = start + i * interval;
			long wait = when - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Requested booking = bookings.get(i);
			due.put(booking.id(), when);
			HttpRequest request = request("POST", "/api/bookings/" + booking.id() + "/confirm", "owner", null,
					booking.etag());
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
				if (error != null || response.statusCode() != 200) {
					failed.incrementAndGet();
					if (failed.get() <= 5) {
						say("  confirmation refused: " + ((error != null) ? error : response.statusCode() + " " + response.body()));
					}
				}
				else {
					confirmNanos.put(when, System.nanoTime() - when);
				}
			});
		}
		long lastDue = start + (bookings.size() - 1) * interval;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.size() < bookings.size() - failed.get() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		stop.set(true);
		rawThread.join(10_000);
		if (observer != null) {
			observer.join(10_000);
		}
		stream.interrupt();

		long measuredFrom = start + TimeUnit.SECONDS.toNanos(warmUp);
		List<Long> endToEnd = new ArrayList<>();
		int missing = 0;
		for (Requested booking : bookings) {
			long when = due.get(booking.id());
			Long arrived = received.get(booking.id());
			if (when < measuredFrom) {
				continue;
			}
			if (arrived == null) {
				missing++;
			}
			else {
				endToEnd.add(arrived - when);
			}
		}
		long[] e2e = sorted(endToEnd);
		long[] broker = sorted(raw.latencies(measuredFrom, lastDue));
		long[] confirm = sorted(new ArrayList<>(confirmNanos.entrySet()
			.stream()
			.filter((answer) -> answer.getKey() >= measuredFrom)
			.map(Map.Entry::getValue)
			.toList()));
		say("");
		say("=== notification latency at " + rate + " confirmations/s, " + seconds + " s measured (" + e2e.length
				+ " delivered, " + missing + " not delivered within 30 s, " + failed.get() + " confirmations refused) ===");
		say(String.format("end to end (confirm sent → notification on the SSE stream): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
				millis(e2e, 50), millis(e2e, 95), millis(e2e, 99), millis(e2e, 100)));
		say(String.format("  of which the confirmation's HTTP answer: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
				millis(confirm, 50), millis(confirm, 95), millis(confirm, 99)));
		say(String.format("raw broker produce → consume (%d messages): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
				broker.length, millis(broker, 50), millis(broker, 95), millis(broker, 99), millis(broker, 100)));
		say(String.format("ratio end to end / raw broker: p50 %.1f×, p95 %.1f×, p99 %.1f× (goal: p99 ≤ 150 ms, ratio ≤ 3×)",
				millis(e2e, 50) / millis(broker, 50), millis(e2e, 95) / millis(broker, 95),
				millis(e2e, 99) / millis(broker, 99)));
		say("load average after: " + loadAverage());
		String timeline = this.options.get("timeline");
		if (timeline != null) {
			writeTimeline(Path.of(timeline), bookings, due, received, confirmNanos, measuredFrom);
		}
	}

	/**
	 * One line per measured confirmation, in the order they were due: when it was due (wall clock, ms since the
	 * epoch), its HTTP answer and its end-to-end latency in ms (empty when not delivered), and how long after it was
	 * due booking's relay produced its event (the record's timestamp), this benchmark read it from Kafka, and
	 * notifications wrote it (its {@code createdAt}); these three in ms. To set the slow ones
	 * beside other timelines, such as the parts' GC logs ({@code JAVA_TOOL_OPTIONS=-Xlog:gc:file=…:time}).
	 */
	private void writeTimeline(Path file, List<Requested> bookings, Map<String, Long> due,
			Map<String, Long> received, Map<Long, Long> confirmNanos, long measuredFrom) throws IOException {
		long epochOffsetNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - System.nanoTime();
		StringBuilder lines = new StringBuilder(
				"due_epoch_ms,answer_ms,end_to_end_ms,produced_after_ms,on_kafka_after_ms,written_after_ms\n");
		for (Requested booking : bookings) {
			long when = due.get(booking.id());
			if (when < measuredFrom) {
				continue;
			}
			Long answer = confirmNanos.get(when);
			Long arrived = received.get(booking.id());
			lines.append(TimeUnit.NANOSECONDS.toMillis(when + epochOffsetNanos))
				.append(',')
				.append((answer != null) ? String.format(Locale.ROOT, "%.1f", answer / 1e6) : "")
				.append(',')
				.append((arrived != null) ? String.format(Locale.ROOT, "%.1f", (arrived - when) / 1e6) : "")
				.append(',')
				.append(after(this.producedAt, booking.id(), when + epochOffsetNanos))
				.append(',')
				.append(after(this.observedAt, booking.id(), when + epochOffsetNanos))
				.append(',')
				.append(after(this.written, booking.id(), when + epochOffsetNanos))
				.append('\n');
		}
		Files.writeString(file, lines);
		say("timeline written to " + file);
	}

	private static String after(Map<String, Long> epochMillis, String booking, long dueEpochNanos) {
		Long at = epochMillis.get(booking);
		return (at != null) ? Long.toString(at - TimeUnit.NANOSECONDS.toMillis(dueEpochNanos)) : "";
	}

	/**
	 * For the timeline: reads booking's topic as the services do ({@code read_committed}), noting for each
	 * confirmation when booking's relay produced it (the record's timestamp) and when it could be read.
	 */
	private void observeBookings(String kafka, CountDownLatch observing, AtomicBoolean stop) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-observer-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("mutualis.bookings.v1"));
			while (consumer.assignment().isEmpty() && !stop.get()) {
				consumer.poll(Duration.ofMillis(100));
			}
			observing.countDown();
			while (!stop.get()) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
					long now = System.currentTimeMillis();
					if (record.value() != null && record.value().contains("\"mutualis.booking.confirmed.v1\"")) {
						this.producedAt.putIfAbsent(record.key(), record.timestamp());
						this.observedAt.putIfAbsent(record.key(), now);
					}
				}
			}
		}
		finally {
			observing.countDown();
		}
	}

	/** Reads the member's live stream, noting when each booking's confirmation arrives. */
	private void readStream(Map<String, Long> received, CountDownLatch open, AtomicBoolean stop) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/notifications/stream"))
			.header("Authorization", "Bearer " + this.tokens.get("member"))
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		try {
			HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("stream answered " + response.statusCode());
			}
			open.countDown();
			String event = null;
			StringBuilder data = new StringBuilder();
			for (String line : (Iterable<String>) response.body()::iterator) {
				if (stop.get() && Thread.currentThread().isInterrupted()) {
					return;
				}
				if (line.isEmpty()) {
					if ("notification".equals(event)) {
						long now = System.nanoTime();
						JsonNode notification = JSON.readTree(data.toString());
						String link = notification.path("link").asString();
						if ("booking.confirmed".equals(notification.path("kind").asString()) && link.startsWith("/bookings/")) {
							String booking = link.substring("/bookings/".length());
							received.putIfAbsent(booking, now);
							String createdAt = notification.path("createdAt").asString();
							if (!createdAt.isEmpty()) {
								this.written.putIfAbsent(booking, java.time.Instant.parse(createdAt).toEpochMilli());
							}
						}
					}
					event = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					event = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring("data:".length()).stripLeading());
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | InterruptedException ex) {
			if (!stop.get()) {
				say("stream ended: " + ex);
			}
		}
	}

	/** A producer set up as the outbox relay's and a consumer, on a benchmark topic of the same broker. */
	private static final class RawBroker implements Runnable {

		private final String bootstrap;

		private final int rate;

		private final AtomicBoolean stop;

		private final String topic = "benchmark.raw." + UUID.randomUUID();

		private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();

		private final Map<Long, Long> latency = new ConcurrentHashMap<>();

		private final CountDownLatch ready = new CountDownLatch(1);

		RawBroker(String bootstrap, int rate, AtomicBoolean stop) {
			this.bootstrap = bootstrap;
			this.rate = rate;
			this.stop = stop;
		}

		void awaitReady() throws InterruptedException {
			if (!this.ready.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the raw broker measure did not start");
			}
		}

		List<Long> latencies(long from, long to) {
			List<Long> measured = new ArrayList<>();
			this.sentAt.forEach((sequence, sent) -> {
				Long took = this.latency.get(sequence);
				if (sent >= from && sent <= to && took != null) {
					measured.add(took);
				}
			});
			return measured;
		}

		@Override
		public void run() {
			Properties admin = new Properties();
			admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
			try (Admin client = Admin.create(admin)) {
				client.createTopics(List.of(new NewTopic(this.topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot create " + this.topic, ex);
			}
			Properties producerProperties = new Properties();
			producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
			producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
			producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			producerProperties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
			producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
			Properties consumerProperties = new Properties();
			consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
			consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-raw-" + UUID.randomUUID());
			consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			String payload = "x".repeat(900);
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties, new StringSerializer(),
					new StringSerializer());
					KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties,
							new StringDeserializer(), new StringDeserializer())) {
				consumer.subscribe(List.of(this.topic));
				while (consumer.assignment().isEmpty()) {
					consumer.poll(Duration.ofMillis(100));
				}
				// one thread sends and polls in turn: a KafkaConsumer is not thread-safe
				this.ready.countDown();
				long interval = TimeUnit.SECONDS.toNanos(1) / this.rate;
				long next = System.nanoTime();
				long sequence = 0;
				while (!this.stop.get()) {
					long now = System.nanoTime();
					while (next <= now) {
						long id = sequence++;
						long sent = System.nanoTime();
						this.sentAt.put(id, sent);
						producer.send(new ProducerRecord<>(this.topic, Long.toString(id), id + "|" + payload));
						next += interval;
					}
					// poll in between sends, never longer than until the next one is due
					long until = Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime()));
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(until))) {
						long arrived = System.nanoTime();
						long id = Long.parseLong(record.key());
						Long sent = this.sentAt.get(id);
						if (sent != null) {
							this.latency.putIfAbsent(id, arrived - sent);
						}
					}
				}
			}
		}

	}

	// --- HTTP, tokens, figures ---------------------------------------------------------------------------------

	private HttpRequest request(String method, String path, String who, String json, String ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + current(who))
			.header("Accept-Language", "fr-CA");
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody()).build();
	}

	private Answer send(String method, String path, String who, String json, String ifMatch) throws Exception {
		HttpResponse<String> response = this.http.send(request(method, path, who, json, ifMatch),
				HttpResponse.BodyHandlers.ofString());
		return new Answer(method + " " + path, response);
	}

	private record Answer(String what, HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String etag() {
			return this.response.headers().firstValue("ETag").orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		void expect(int status) {
			if (status() != status) {
				throw new IllegalStateException(this.what + " answered " + status() + ": " + this.response.body());
			}
		}

	}

	private record Requested(String id, String etag) {
	}

	private String token(String email, String organisation) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(this.options.getOrDefault("token-script", "infra/local/token"),
				email, PASSWORD, (organisation != null) ? organisation : "", this.gateway));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
		if (process.waitFor() != 0 || token.isEmpty()) {
			throw new IllegalStateException("no token for " + email);
		}
		return token;
	}

	private static String listingJson(String title) {
		StringBuilder weekly = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			weekly.append(weekly.isEmpty() ? "" : ",")
				.append("{\"day\":\"")
				.append(day)
				.append("\",\"from\":\"00:00\",\"to\":\"23:45\"}");
		}
		return """
				{"kind":"EQUIPMENT","title":{"fr":"%s","en":"Measuring trailer"},
				 "description":{"fr":"Remorque pour la mesure des avis.","en":"Trailer for the notification benchmark."},
				 "categoryCode":"tools","tags":["mesure"],
				 "location":{"municipality":"Huntingdon","mrc":"Haut-Saint-Laurent"},
				 "bookableAtOnce":1,"unit":"HOUR","costRecovery":{"mode":"RATE","amount":10.00},
				 "marketValuePerUnit":60,"traits":{"quantity":1000,"condition":"GOOD"},
				 "availability":{"weekly":[%s],"blackouts":[]},
				 "bookingPolicy":{"mode":"APPROVAL","minDurationMinutes":60,"maxDurationMinutes":480,"minNoticeHours":0,
				   "maxAdvanceDays":30,"bufferBeforeMinutes":0,"bufferAfterMinutes":0},
				 "prerequisites":[],
				 "contact":{"name":"Gestion Le Phare","email":"gestion@lephare.demo"}}
				""".formatted(title + " " + UUID.randomUUID().toString().substring(0, 8), weekly);
	}

	private static String bookingJson(String listingId, ZonedDateTime start) {
		return "{\"listingId\":\"" + listingId + "\",\"start\":\"" + start.toInstant() + "\",\"end\":\""
				+ start.plusHours(1).toInstant() + "\",\"quantity\":1,\"acceptPrerequisites\":true}";
	}

	private static long[] sorted(List<Long> nanos) {
		long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(values);
		return values;
	}

	private static double millis(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static void say(String line) {
		System.out.println(line);
	}

}
