package org.mutualis.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the booking service while it runs, over HTTP, with real access tokens.
 *
 * <ol>
 * <li>Signs in the demo people through the gateway ({@code infra/local/token}: authorization code + PKCE).</li>
 * <li>Le Phare creates many pieces of equipment (capacity 20, open every day) and one hot one (capacity 3); the
 * administrator publishes them; it waits until booking's read model has them all (they travel through Kafka).</li>
 * <li>The batch question over those listings (≤ 500 ids), asked again and again: p50, p95, p99.</li>
 * <li>Booking requests sent at a fixed rate (open loop: each latency counts from the moment the request was due,
 * so that a slow answer cannot hide the ones queued behind it) for a given time, straight to booking; the same
 * through the gateway. Most requests ask a random hour of a random listing (they succeed), one in twenty the same
 * two hours of the hot listing (they conflict: 409).</li>
 * <li>The no-double-booking invariant, read back through the owner's listing bookings API: for every listing and
 * every minute, the units of requested and confirmed bookings never exceed its capacity; and the bookings held
 * are exactly the requests answered 201.</li>
 * </ol>
 *
 * Usage: {@code BookingBenchmark [--gateway URL] [--booking URL] [--rate N] [--seconds N] [--listings N]
 * [--batch-rounds N] [--clients N] [--backlog N] [--token-script PATH] [--check-only true]}. It prints its figures; it asserts nothing
 * about time.
 */
public final class BookingBenchmark {

	private static final String PASSWORD = "Mutualis-Demo-2026";

	private static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	private static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private static final int CAPACITY = 20;

	private static final int HOT_CAPACITY = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final String gateway;

	private final String booking;

	private final Random random = new Random(20261130);

	private int warmUpCreated;

	private BookingBenchmark(Map<String, String> options) {
		this.options = options;
		this.gateway = options.getOrDefault("gateway", "http://localhost:8080");
		this.booking = options.getOrDefault("booking", "http://localhost:8082");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		int status = 1;
		try {
			new BookingBenchmark(options).run();
			status = 0;
		}
		catch (Exception | Error ex) {
			// printed here: the exit below would end the JVM before the exception reached the console
			ex.printStackTrace();
		}
		finally {
			// the HTTP client's threads would keep the JVM alive after a failure
			System.exit(status);
		}
	}

	private int option(String name, int defaultValue) {
		return Integer.parseInt(this.options.getOrDefault(name, Integer.toString(defaultValue)));
	}

	private void run() throws Exception {
		int rate = option("rate", 500);
		int seconds = option("seconds", 60);
		int listingCount = option("listings", 499);
		say("load average at start: " + loadAverage());
		Tokens tokens = new Tokens();
		if (this.options.containsKey("check-only")) {
			// the invariant alone, over the benchmark's listings of an earlier run (found by their titles)
			invariant(tokens, benchmarkListings(tokens), -1);
			return;
		}
		say("creating and publishing " + listingCount + " listings of capacity " + CAPACITY + " and one hot listing of "
				+ HOT_CAPACITY);
		List<String> listings = publishListings(tokens, listingCount);
		String hot = publishListing(tokens, "Génératrice très demandée", HOT_CAPACITY);
		List<String> all = new ArrayList<>(listings);
		all.add(hot);
		awaitBookable(tokens, all);

		Map<String, Integer> capacities = new HashMap<>();
		listings.forEach((id) -> capacities.put(id, CAPACITY));
		capacities.put(hot, HOT_CAPACITY);

		tokens.refresh();
		batchAvailability(tokens, all, option("batch-rounds", 300));

		ZonedDateTime firstHour = ZonedDateTime.now(TORONTO).truncatedTo(ChronoUnit.HOURS).plusHours(3);
		ZonedDateTime hotStart = firstHour.plusDays(1).withHour(10);
		int clients = option("clients", 16);
		List<Run> runs = new ArrayList<>();
		for (String target : List.of(this.booking, this.gateway)) {
			String name = target.equals(this.booking) ? "booking, direct" : "booking, through the gateway";
			tokens.refresh();
			runs.add(load(name, target, tokens, listings, hot, hotStart, firstHour, rate, seconds));
			tokens.refresh();
			runs.add(closedLoop(name, target, tokens, listings, hot, hotStart, firstHour, clients, seconds));
		}
		tokens.refresh();
		invariant(tokens, capacities, runs.stream().mapToInt(Run::created).sum() + this.warmUpCreated);

		say("");
		say("=== figures ===");
		runs.forEach(Run::print);
		for (int i = 0; i < 2; i++) {
			Run direct = runs.get(i);
			Run throughGateway = runs.get(i + 2);
			say(String.format("gateway / direct (%s): throughput %.2f, p50 %.2f, p99 %.2f",
					(i == 0) ? "open loop" : "closed loop", throughGateway.throughput() / direct.throughput(),
					throughGateway.percentile(50) / direct.percentile(50),
					throughGateway.percentile(99) / direct.percentile(99)));
		}
		say("load average at end: " + loadAverage());
	}

	// --- set-up ------------------------------------------------------------------------------------------------

	private List<String> publishListings(Tokens tokens, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<String>> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int rank = i;
			created.add(pool.submit(() -> publishListing(tokens, "Remorque partagée " + rank, CAPACITY)));
		}
		List<String> ids = new ArrayList<>();
		for (Future<String> id : created) {
			ids.add(id.get());
			if (ids.size() % 100 == 0) {
				say("  " + ids.size() + " published");
			}
		}
		pool.shutdown();
		return ids;
	}

	private String publishListing(Tokens tokens, String title, int capacity) throws Exception {
		Answer created = send(this.gateway, "POST", "/api/listings", tokens.owner(), listingJson(title, capacity), null);
		created.expect(201);
		String id = created.json().get("id").asString();
		for (int attempt = 0;; attempt++) {
			Answer submitted = send(this.gateway, "POST", "/api/listings/" + id + "/submit", tokens.owner(), null, null);
			if (submitted.status() == 200) {
				break;
			}
			if (attempt > 30) {
				submitted.expect(200);
			}
			Thread.sleep(500);
		}
		Answer read = send(this.gateway, "GET", "/api/listings/" + id, tokens.admin(), null, null);
		read.expect(200);
		Answer published = send(this.gateway, "POST", "/api/listings/" + id + "/publish", tokens.admin(), null,
				read.etag());
		published.expect(200);
		return id;
	}

	private void awaitBookable(Tokens tokens, List<String> ids) throws Exception {
		ZonedDateTime start = ZonedDateTime.now(TORONTO).truncatedTo(ChronoUnit.HOURS).plusDays(2).withHour(3);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (true) {
			Answer answer = send(this.booking, "POST", "/api/bookings/availability", tokens.borrower(0),
					batchJson(ids, start, start.plusHours(1)), null);
			answer.expect(200);
			int available = answer.json().get("available").size();
			if (available == ids.size()) {
				say("booking knows all " + ids.size() + " listings");
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("booking knows only " + available + " of " + ids.size() + " listings");
			}
			Thread.sleep(1000);
		}
	}

	// --- batch availability ------------------------------------------------------------------------------------

	private void batchAvailability(Tokens tokens, List<String> ids, int rounds) throws Exception {
		List<String> batch = ids.subList(0, Math.min(500, ids.size()));
		for (String target : List.of(this.booking, this.gateway)) {
			long[] nanos = new long[rounds];
			int warmUp = Math.max(20, rounds / 5);
			int available = 0;
			for (int round = -warmUp; round < rounds; round++) {
				ZonedDateTime start = ZonedDateTime.now(TORONTO).truncatedTo(ChronoUnit.DAYS).plusDays(1 + this.random.nextInt(25))
					.withHour(this.random.nextInt(20));
				String body = batchJson(batch, start, start.plusHours(1 + this.random.nextInt(3)));
				long began = System.nanoTime();
				Answer answer = send(target, "POST", "/api/bookings/availability", tokens.borrower(round & 3), body,
						null);
				long took = System.nanoTime() - began;
				answer.expect(200);
				available += answer.json().get("available").size();
				if (round >= 0) {
					nanos[round] = took;
				}
			}
			Arrays.sort(nanos);
			say(String.format("batch availability of %d listings (%s, %d rounds after %d warm-up, about %d available"
					+ " each): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", batch.size(),
					target.equals(this.booking) ? "direct" : "through the gateway", rounds, warmUp,
					available / (rounds + warmUp), millis(nanos, 50), millis(nanos, 95), millis(nanos, 99),
					nanos[nanos.length - 1] / 1e6));
		}
	}

	// --- sustained booking requests ----------------------------------------------------------------------------

	private Run load(String name, String target, Tokens tokens, List<String> listings, String hot,
			ZonedDateTime hotStart, ZonedDateTime firstHour, int rate, int seconds) throws Exception {
		int total = rate * seconds;
		ZonedDateTime firstDay = firstHour.truncatedTo(ChronoUnit.DAYS).plusDays(1);
		List<String> bodies = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			bodies.add(randomBooking(i, listings, hot, hotStart, firstDay));
		}
		// a warm-up of the same kind of requests at the same rate, not counted (but its bookings are checked too)
		say("warming up " + name);
		List<String> warmUp = new ArrayList<>();
		for (int i = 0; i < Math.min(rate * 10, 3000); i++) {
			warmUp.add(randomBooking(i, listings, hot, hotStart, firstDay));
		}
		this.warmUpCreated += warmUp(target, tokens, warmUp, rate);

		Run run = new Run(name + ", open loop at " + rate + "/s", seconds, loadAverage());
		say("sending " + total + " booking requests to " + name + " at " + rate + "/s");
		int backlog = option("backlog", 1000);
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		AtomicInteger pending = new AtomicInteger();
		long started = System.nanoTime();
		List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			long due = started + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (pending.get() > backlog) {
				run.abandoned = total - i;
				say("  more than " + backlog + " requests unanswered after " + (System.nanoTime() - started) / 1_000_000_000
						+ " s: the service does not keep up with " + rate + "/s; the remaining " + run.abandoned
						+ " are not sent");
				break;
			}
			pending.incrementAndGet();
			HttpRequest request = bookingRequest(target, tokens.borrower(i & 3), bodies.get(i));
			inFlight.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.handle((response, failure) -> {
					pending.decrementAndGet();
					run.record(System.nanoTime() - due, (response != null) ? response.statusCode() : -1,
							(response != null) ? response.body() : String.valueOf(failure));
					return null;
				}));
		}
		run.sendingTook = System.nanoTime() - started;
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		run.allAnsweredAfter = System.nanoTime() - started;
		run.loadAverageAfter = loadAverage();
		run.print();
		return run;
	}

	/**
	 * As many requests as some clients can send one after the other for a time (closed loop): what the service
	 * sustains, and the latency at that rate.
	 */
	private Run closedLoop(String name, String target, Tokens tokens, List<String> listings, String hot,
			ZonedDateTime hotStart, ZonedDateTime firstHour, int clients, int seconds) throws Exception {
		ZonedDateTime firstDay = firstHour.truncatedTo(ChronoUnit.DAYS).plusDays(1);
		Run run = new Run(name + ", closed loop, " + clients + " clients", seconds, loadAverage());
		say("sending booking requests to " + name + " from " + clients + " clients for " + seconds + " s");
		long started = System.nanoTime();
		long end = started + TimeUnit.SECONDS.toNanos(seconds);
		AtomicInteger rank = new AtomicInteger();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int client = 0; client < clients; client++) {
				pool.submit(() -> {
					while (System.nanoTime() < end) {
						int i = rank.getAndIncrement();
						String body;
						synchronized (this) {
							body = randomBooking(i, listings, hot, hotStart, firstDay);
						}
						long sent = System.nanoTime();
						HttpResponse<String> response = this.http.send(bookingRequest(target, tokens.borrower(i & 3),
								body), HttpResponse.BodyHandlers.ofString());
						run.record(System.nanoTime() - sent, response.statusCode(), response.body());
					}
					return null;
				});
			}
		}
		run.sendingTook = System.nanoTime() - started;
		run.allAnsweredAfter = run.sendingTook;
		run.loadAverageAfter = loadAverage();
		run.print();
		return run;
	}

	private int warmUp(String target, Tokens tokens, List<String> bodies, int rate) throws Exception {
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long started = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			long wait = started + i * period - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (sent.stream().filter((answer) -> !answer.isDone()).count() > option("backlog", 1000)) {
				break;
			}
			sent.add(this.http.sendAsync(bookingRequest(target, tokens.borrower(i & 3), bodies.get(i)),
					HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		int created = 0;
		for (CompletableFuture<HttpResponse<String>> answer : sent) {
			created += (answer.get().statusCode() == 201) ? 1 : 0;
		}
		return created;
	}

	/**
	 * One request in twenty asks one or two units for one or two hours from the hot listing's 10:00 or 11:00 (they
	 * conflict); the others ask one or two units of a random listing for one to three hours on a random day of the
	 * next 26, between 00:00 and 23:00 local (the listings close at 23:45), so that they mostly succeed.
	 */
	private String randomBooking(int rank, List<String> listings, String hot, ZonedDateTime hotStart,
			ZonedDateTime firstDay) {
		if (rank % 20 == 7) {
			return bookingJson(hot, hotStart.plusHours(this.random.nextInt(2)), 1 + this.random.nextInt(2),
					1 + this.random.nextInt(2));
		}
		String listing = listings.get(this.random.nextInt(listings.size()));
		int hours = 1 + this.random.nextInt(3);
		ZonedDateTime start = firstDay.plusDays(this.random.nextInt(26)).withHour(this.random.nextInt(24 - hours));
		return bookingJson(listing, start, hours, 1 + this.random.nextInt(2));
	}

	private HttpRequest bookingRequest(String target, String token, String body) {
		return HttpRequest.newBuilder(URI.create(target + "/api/bookings"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", "fr-CA")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	// --- the invariant -----------------------------------------------------------------------------------------

	private void invariant(Tokens tokens, Map<String, Integer> capacities, int created) throws Exception {
		say("checking the invariant over " + capacities.size() + " listings");
		int held = 0;
		int worst = 0;
		String worstListing = null;
		int checked = 0;
		for (Map.Entry<String, Integer> listing : capacities.entrySet()) {
			if (++checked % 100 == 0) {
				say("  " + checked + " listings checked");
			}
			// units change only where a booking starts or ends: a sweep over those instants covers every minute
			TreeMap<Instant, Integer> change = new TreeMap<>();
			for (int rank = 0;; rank++) {
				int page = rank;
				Answer answer = retried(() -> send(this.booking, "GET", "/api/bookings/listings/" + listing.getKey()
						+ "/bookings?active=true&size=100&page=" + page, tokens.owner(), null, null));
				JsonNode items = answer.json().get("items");
				for (JsonNode booking : items) {
					String status = booking.get("status").asString();
					if (status.equals("REQUESTED") || status.equals("CONFIRMED")) {
						held++;
						int units = booking.get("quantity").asInt();
						change.merge(Instant.parse(booking.get("start").asString()), units, Integer::sum);
						change.merge(Instant.parse(booking.get("end").asString()), -units, Integer::sum);
					}
				}
				if (items.size() < 100) {
					break;
				}
			}
			int units = 0;
			for (int delta : change.values()) {
				units += delta;
				if (units > listing.getValue()) {
					throw new IllegalStateException("DOUBLE BOOKING: listing " + listing.getKey() + " holds " + units
							+ " units, capacity " + listing.getValue());
				}
				if (units > worst) {
					worst = units;
					worstListing = listing.getKey();
				}
			}
		}
		if (created >= 0 && held != created) {
			say("MISMATCH: " + held + " bookings held, but " + created + " requests were answered 201");
		}
		say("invariant holds: " + held + " bookings held (requested or confirmed), " + created
				+ " answered 201 (warm-up included); the fullest minute holds " + worst + " units of listing "
				+ worstListing + " (capacity " + capacities.get(worstListing) + ")");
	}

	/** Le Phare's listings made by this benchmark (by their titles), with their capacities. */
	private Map<String, Integer> benchmarkListings(Tokens tokens) throws Exception {
		Map<String, Integer> capacities = new HashMap<>();
		for (int page = 0;; page++) {
			int rank = page;
			Answer answer = retried(() -> send(this.gateway, "GET", "/api/listings/organisations/" + LE_PHARE
					+ "?size=100&page=" + rank, tokens.owner(), null, null));
			JsonNode body = answer.json();
			JsonNode items = body.isArray() ? body : body.get("items");
			for (JsonNode listing : items) {
				String title = listing.get("title").get("fr").asString();
				if (title.startsWith("Remorque partagée ")) {
					capacities.put(listing.get("id").asString(), CAPACITY);
				}
				else if (title.startsWith("Génératrice très demandée ")) {
					capacities.put(listing.get("id").asString(), HOT_CAPACITY);
				}
			}
			if (items.size() < 100) {
				return capacities;
			}
		}
	}

	/** Sends again, up to 30 times two seconds apart, while the answer is a 5xx (a store still catching up). */
	private static Answer retried(Call call) throws Exception {
		for (int attempt = 0;; attempt++) {
			Answer answer = call.send();
			if (answer.status() < 500 || attempt == 30) {
				answer.expect(200);
				return answer;
			}
			Thread.sleep(2000);
		}
	}

	private interface Call {

		Answer send() throws Exception;

	}

	// --- HTTP and JSON -----------------------------------------------------------------------------------------

	private Answer send(String base, String method, String path, String token, String json, String ifMatch)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "fr-CA");
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(method + " " + path, response);
	}

	private record Answer(String what, HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String etag() {
			return this.response.headers().firstValue("ETag").orElseThrow();
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

	private static String listingJson(String title, int capacity) {
		StringBuilder weekly = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			weekly.append(weekly.isEmpty() ? "" : ",")
				.append("{\"day\":\"")
				.append(day)
				.append("\",\"from\":\"00:00\",\"to\":\"23:45\"}");
		}
		return """
				{"kind":"EQUIPMENT","title":{"fr":"%s","en":"Shared trailer"},
				 "description":{"fr":"Remorque partagée pour la mesure de la réservation.","en":"Shared trailer for the booking benchmark."},
				 "categoryCode":"tools","tags":["mesure"],
				 "location":{"municipality":"Huntingdon","mrc":"Haut-Saint-Laurent"},
				 "bookableAtOnce":2,"unit":"HOUR","costRecovery":{"mode":"RATE","amount":10.00},
				 "marketValuePerUnit":60,"traits":{"quantity":%d,"condition":"GOOD"},
				 "availability":{"weekly":[%s],"blackouts":[]},
				 "bookingPolicy":{"mode":"INSTANT","minDurationMinutes":60,"maxDurationMinutes":480,"minNoticeHours":0,
				   "maxAdvanceDays":30,"bufferBeforeMinutes":0,"bufferAfterMinutes":0},
				 "prerequisites":[{"fr":"Rapporter la remorque propre","en":"Bring the trailer back clean"}],
				 "contact":{"name":"Gestion Le Phare","email":"gestion@lephare.demo"}}
				""".formatted(title + " " + UUID.randomUUID().toString().substring(0, 8), capacity, weekly);
	}

	private static String bookingJson(String listingId, ZonedDateTime start, int hours, int quantity) {
		return "{\"listingId\":\"" + listingId + "\",\"start\":\"" + start.toInstant() + "\",\"end\":\""
				+ start.plusHours(hours).toInstant() + "\",\"quantity\":" + quantity + ",\"acceptPrerequisites\":true}";
	}

	private static String batchJson(List<String> ids, ZonedDateTime start, ZonedDateTime end) {
		return "{\"listingIds\":[\"" + String.join("\",\"", ids) + "\"],\"quantity\":1,\"start\":\"" + start.toInstant()
				+ "\",\"end\":\"" + end.toInstant() + "\"}";
	}

	// --- tokens ------------------------------------------------------------------------------------------------

	/** Access tokens of the owner, the administrator and four borrowers, signed in again before they expire. */
	private final class Tokens {

		private volatile Map<String, String> byRole = Map.of();

		private volatile long signedInAt;

		Tokens() throws Exception {
			refresh();
		}

		void refresh() throws Exception {
			Map<String, String> tokens = new LinkedHashMap<>();
			tokens.put("owner", token("gestion@lephare.demo", LE_PHARE));
			tokens.put("admin", token("admin@mutualis.demo", null));
			tokens.put("0", token("membre@laruche.demo", LA_RUCHE));
			tokens.put("1", token("gestion@laruche.demo", LA_RUCHE));
			tokens.put("2", token("membre@jardins.demo", null));
			tokens.put("3", token("gestion@jardins.demo", null));
			this.byRole = tokens;
			this.signedInAt = System.nanoTime();
		}

		private String current(String role) {
			if (System.nanoTime() - this.signedInAt > TimeUnit.MINUTES.toNanos(4)) {
				synchronized (this) {
					if (System.nanoTime() - this.signedInAt > TimeUnit.MINUTES.toNanos(4)) {
						try {
							refresh();
						}
						catch (Exception ex) {
							throw new IllegalStateException("cannot sign in again", ex);
						}
					}
				}
			}
			return this.byRole.get(role);
		}

		String owner() {
			return current("owner");
		}

		String admin() {
			return current("admin");
		}

		String borrower(int rank) {
			return current(Integer.toString(rank & 3));
		}

		private String token(String email, String organisation) throws IOException, InterruptedException {
			List<String> command = new ArrayList<>(List.of(
					BookingBenchmark.this.options.getOrDefault("token-script", "infra/local/token"), email, PASSWORD,
					(organisation != null) ? organisation : "", BookingBenchmark.this.gateway));
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			if (process.waitFor() != 0 || token.isEmpty()) {
				throw new IllegalStateException("no token for " + email);
			}
			return token;
		}

	}

	// --- figures -----------------------------------------------------------------------------------------------

	/** What one sustained run measured. */
	private static final class Run {

		private final String name;

		private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

		private final int seconds;

		private final String loadAverageBefore;

		private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

		private final List<String> oddAnswers = Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger created = new AtomicInteger();

		long sendingTook;

		long allAnsweredAfter;

		int abandoned;

		String loadAverageAfter;

		Run(String name, int seconds, String loadAverageBefore) {
			this.name = name;
			this.seconds = seconds;
			this.loadAverageBefore = loadAverageBefore;
		}

		void record(long nanos, int status, String body) {
			this.nanos.add(nanos);
			String outcome = Integer.toString(status);
			if (status == 201) {
				this.created.incrementAndGet();
			}
			else if (status == 409 && body.contains("slot-unavailable")) {
				outcome = "409 slot-unavailable";
			}
			else if (this.oddAnswers.size() < 3) {
				this.oddAnswers.add(status + " " + body);
			}
			this.outcomes.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet();
		}

		int created() {
			return this.created.get();
		}

		double throughput() {
			return this.nanos.size() / (this.allAnsweredAfter / 1e9);
		}

		private long[] sorted() {
			long[] sorted;
			synchronized (this.nanos) {
				sorted = this.nanos.stream().mapToLong(Long::longValue).toArray();
			}
			Arrays.sort(sorted);
			return sorted;
		}

		double percentile(int p) {
			return millis(sorted(), p);
		}

		void print() {
			long[] sorted = sorted();
			say(String.format("%s: %d requests answered in %.1f s (%.0f/s)%s; latency p50 %.1f ms, p95 %.1f ms,"
					+ " p99 %.1f ms, max %.1f ms; answers %s; load average %s → %s", this.name, sorted.length,
					this.allAnsweredAfter / 1e9, throughput(),
					(this.abandoned > 0) ? " (" + this.abandoned + " not sent: backlog)" : "", millis(sorted, 50),
					millis(sorted, 95), millis(sorted, 99), sorted[sorted.length - 1] / 1e6,
					new TreeMap<>(this.outcomes), this.loadAverageBefore, this.loadAverageAfter));
			this.oddAnswers.forEach((answer) -> say("  e.g. " + answer.substring(0, Math.min(300, answer.length()))));
		}

	}

	private static double millis(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void say(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
