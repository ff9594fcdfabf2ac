package org.mutualis.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mutualis.local.Part;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's two-instance test: two instances each of listings, booking and notifications on one Kafka and one store,
 * the gateway balancing between them. Bookings sent to both booking instances never double-book; each event is applied
 * once across each consumer group; each scheduled job runs on one instance per tick; each listings instance finds what
 * was written through the other; and stopping one instance of each under load loses no acknowledged request while the
 * gateway routes around it. Starts its own stack ({@link ScaledStack}, ports offset by 3000 unless
 * {@code -Dmutualis.scale.port-offset} says otherwise).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

	private static final int PORT_OFFSET = Integer.getInteger("mutualis.scale.port-offset", 3000);

	private static final int CAPACITY = 3;

	private static final int REQUESTS = 48;

	/** Every booking answered 201 in these tests. */
	private static final Set<String> BOOKED = ConcurrentHashMap.newKeySet();

	private static ScaledStack system;

	/** The listing of the race in the first test, and one of its borrowers (for the second test's extra bookings). */
	private static String raceListing;

	private static Api raceBorrower;

	private static ZonedDateTime raceBase;

	private static Api anonymous;

	private static TokenClient tokens;

	@BeforeAll
	static void startStack() {
		// booking's jobs every two seconds, so that a minute shows many ticks of each
		system = ScaledStack.start(PORT_OFFSET, "two-instances", Map.of(Part.BOOKING,
				List.of("--mutualis.booking.jobs.cron=*/2 * * * * *", "--mutualis.booking.jobs.lock-at-least-for=PT1S")));
		anonymous = new Api(system.gateway(), null);
		tokens = new TokenClient(system.gateway());
	}

	@AfterAll
	static void stopStack() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	@Order(1)
	void bookingsSentToBothBookingInstancesNeverDoubleBook() throws Exception {
		Api owner = anonymous.as(tokens.accessToken("gestion@lephare.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LE_PHARE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", BookingJourneyIT.PASSWORD, null));
		List<String> borrowers = List.of(
				tokens.accessToken("membre@laruche.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LA_RUCHE),
				tokens.accessToken("membre@jardins.demo", BookingJourneyIT.PASSWORD, null));
		String listingId = BookingJourneyIT.publishedListing(owner, admin,
				BookingJourneyIT.resourceJson("EQUIPMENT", "tools", "Génératrices partagées " + BookingJourneyIT.marker(),
						"Haut-Saint-Laurent", "10.00", "INSTANT", "\"traits\":{\"quantity\":" + CAPACITY + ",\"condition\":\"GOOD\"}",
						2));
		// the same read model (in the shared store) answers on both instances
		for (int number = 1; number <= 2; number++) {
			BookingJourneyIT.awaitBookable(new Api(system.stack().url(Part.BOOKING, number), borrowers.get(0)), listingId);
		}
		ZonedDateTime base = BookingJourneyIT.nextBookableHour().plusDays(1).withHour(9);
		raceListing = listingId;
		raceBorrower = anonymous.as(borrowers.get(0));
		raceBase = base;

		CountDownLatch start = new CountDownLatch(1);
		Map<Integer, Integer> wonBy = new ConcurrentHashMap<>();
		List<Future<Api.Response>> answers = new ArrayList<>();
		Random random = new Random(12);
		try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTS)) {
			for (int i = 0; i < REQUESTS; i++) {
				// half straight to each booking instance: the two race for the same units
				int instance = 1 + (i % 2);
				Api borrower = new Api(system.stack().url(Part.BOOKING, instance), borrowers.get((i / 2) % borrowers.size()));
				ZonedDateTime from = base.plusHours(random.nextInt(4));
				String body = BookingJourneyIT.bookingJson(listingId, from, from.plusHours(1 + random.nextInt(3)),
						1 + random.nextInt(2));
				answers.add(pool.submit(() -> {
					start.await();
					Api.Response response = borrower.post("/api/bookings", body);
					if (response.status() == 201) {
						wonBy.merge(instance, 1, Integer::sum);
					}
					return response;
				}));
			}
			start.countDown();
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get();
				if (response.status() == 201) {
					BOOKED.add(response.json().get("id").asString());
				}
				else {
					assertThat(response.status()).as(response.body()).isEqualTo(409);
					assertThat(response.json().get("type").asString()).isEqualTo("urn:mutualis:problem:slot-unavailable");
				}
			}
		}

		List<JsonNode> held = heldBookings(owner, listingId);
		assertThat(BOOKED).as("some requests won, some were refused").hasSizeBetween(1, REQUESTS - 1);
		assertThat(held).hasSameSizeAs(BOOKED);
		Instant first = base.toInstant();
		for (Instant minute = first; minute.isBefore(first.plus(Duration.ofHours(7))); minute = minute.plusSeconds(60)) {
			int units = 0;
			for (JsonNode booking : held) {
				Instant from = Instant.parse(booking.get("start").asString());
				Instant to = Instant.parse(booking.get("end").asString());
				if (!minute.isBefore(from) && minute.isBefore(to)) {
					units += booking.get("quantity").asInt();
				}
			}
			assertThat(units).as("units held at " + minute).isLessThanOrEqualTo(CAPACITY);
		}
		System.out.println("[two-instances] bookings won by instance: " + wonBy);
	}

	@Test
	@Order(2)
	void everyEventIsAppliedOnceAcrossEachConsumerGroup() throws Exception {
		for (Part part : ScaledStack.SCALED) {
			Map<String, List<Set<TopicPartition>>> groups = system.sharedGroups(part);
			assertThat(groups).as(part + "'s consumer groups").isNotEmpty();
			groups.forEach((group, members) -> {
				assertThat(members).as(group + ": the consumers of both instances").hasSizeGreaterThanOrEqualTo(2);
				Set<TopicPartition> seen = new HashSet<>();
				for (Set<TopicPartition> member : members) {
					for (TopicPartition partition : member) {
						assertThat(seen.add(partition)).as(group + ": " + partition + " held by one member only").isTrue();
					}
				}
			});
		}
		assertThat(BOOKED).as("the booking test ran first").isNotEmpty();
		// the bookings' events are keyed by booking id: book on (one a day, after the race's day) until the ids fall
		// in every partition of the topic, so that each member of booking's groups holds some of them
		int partitions = system.partitions("mutualis.bookings.v1");
		for (int day = 1; day <= 25 && partitionsOf(BOOKED, partitions).size() < partitions; day++) {
			ZonedDateTime from = raceBase.plusDays(day);
			Api.Response booked = raceBorrower.post("/api/bookings",
					BookingJourneyIT.bookingJson(raceListing, from, from.plusHours(1), 1));
			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			BOOKED.add(booked.json().get("id").asString());
		}
		assertThat(partitionsOf(BOOKED, partitions)).as("partitions of the booked ids").hasSize(partitions);
		// booking's own consumers (calendar, ledger, impact) hear of every booking, through one of its instances
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> subjects = system.appliedAnywhere().stream()
				.map(ScaledStack.Applied::subject)
				.collect(Collectors.toSet());
			assertThat(subjects).containsAll(BOOKED);
		});
		for (Part part : ScaledStack.SCALED) {
			List<ScaledStack.Applied> applied = system.applied(part);
			Map<String, Long> times = applied.stream()
				.collect(Collectors.groupingBy((event) -> event.consumer() + ":" + event.id(), Collectors.counting()));
			assertThat(times).as(part + ": each event applied once per consumer").allSatisfy(
					(event, count) -> assertThat(count).as(event).isEqualTo(1L));
		}
		Set<Integer> instances = system.applied(Part.BOOKING).stream()
			.filter((event) -> BOOKED.contains(event.subject()))
			.map(ScaledStack.Applied::instance)
			.collect(Collectors.toSet());
		assertThat(instances).as("both booking instances applied some of the bookings' events").containsExactlyInAnyOrder(1, 2);
	}

	@Test
	@Order(3)
	void eachScheduledJobRunsOnOneInstanceAtATime() {
		try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + system.stack().port(Part.STORE))) {
			var runs = mongo.getDatabase("booking").getCollection("job_runs");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
				.until(() -> runs.countDocuments(new Document("job", "booking-expiry")) >= 8);
			Map<String, List<Instant>> starts = new HashMap<>();
			Set<String> runners = new HashSet<>();
			for (Document run : runs.find()) {
				starts.computeIfAbsent(run.getString("job"), (job) -> new ArrayList<>())
					.add(run.getDate("startedAt").toInstant());
				runners.add(run.getString("instance"));
			}
			// the lock is held at least a second from each start, whichever instance's scheduler fired (a tick
			// fired late on a busy machine may still run, but never beside another run of the same job)
			starts.forEach((job, times) -> {
				List<Instant> sorted = times.stream().sorted().toList();
				for (int i = 1; i < sorted.size(); i++) {
					assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
						.as(job + " started at " + sorted.get(i - 1) + " and again at " + sorted.get(i))
						.isGreaterThanOrEqualTo(Duration.ofMillis(990));
				}
			});
			assertThat(starts).as("jobs that ran").containsKeys("booking-expiry", "booking-completion");
			assertThat(runners).as("instances that ran a job").isNotEmpty().hasSizeLessThanOrEqualTo(2);
		}
	}

	@Test
	@Order(4)
	void eachListingsInstanceSearchesWhatWasWrittenThroughTheOther() throws Exception {
		String ownerToken = tokens.accessToken("gestion@lephare.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LE_PHARE);
		String adminToken = tokens.accessToken("admin@mutualis.demo", BookingJourneyIT.PASSWORD, null);
		for (int writer = 1; writer <= 2; writer++) {
			String through = system.stack().url(Part.LISTINGS, writer);
			String word = word();
			String id = BookingJourneyIT.publishedListing(new Api(through, ownerToken), new Api(through, adminToken),
					BookingJourneyIT.roomJson("Salle " + word, "Haut-Saint-Laurent", "20.00"));
			int other = 3 - writer;
			String message = "listings-" + other + " finds what listings-" + writer + " published";
			Api reader = new Api(system.stack().url(Part.LISTINGS, other), null);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				Api.Response found = reader.get("/api/listings/search?q=" + word);
				assertThat(found.status()).as(found.body()).isEqualTo(200);
				assertThat(found.body()).as(message).contains(id);
			});
		}
	}

	@Test
	@Order(5)
	void stoppingOneInstanceOfEachUnderLoadLosesNoAcknowledgedRequest() throws Exception {
		Api owner = anonymous.as(tokens.accessToken("gestion@lephare.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LE_PHARE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", BookingJourneyIT.PASSWORD, null));
		String word = word();
		String listingId = BookingJourneyIT.publishedListing(owner, admin, BookingJourneyIT.resourceJson("EQUIPMENT",
				"tools", "Remorque " + word, "Haut-Saint-Laurent", "5.00", "INSTANT",
				"\"traits\":{\"quantity\":40,\"condition\":\"GOOD\"}", 1));
		SteadyLoad.Tokens member = new SteadyLoad.Tokens(tokens, "membre@laruche.demo", BookingJourneyIT.LA_RUCHE);
		BookingJourneyIT.awaitBookable(anonymous.as(member.current()), listingId);

		SteadyLoad load = new SteadyLoad(anonymous, member, listingId, word).start(3);
		int beforeStop;
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 30);
			for (Part part : ScaledStack.SCALED) {
				system.stack().stop(part, 2);
			}
			beforeStop = load.answered();
			await().atMost(Duration.ofSeconds(90)).until(() -> load.answered() >= beforeStop + 60);
		}
		finally {
			load.close();
		}
		assertThat(load.failures()).as("calls that failed while instances stopped").isEmpty();
		assertThat(load.acknowledged()).as("bookings acknowledged").isNotEmpty();
		Api reader = anonymous.as(member.current());
		for (String booking : load.acknowledged()) {
			Api.Response read = reader.get("/api/bookings/" + booking);
			assertThat(read.status()).as("acknowledged booking " + booking + " exists").isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> subjects = system.appliedAnywhere().stream()
				.map(ScaledStack.Applied::subject)
				.collect(Collectors.toSet());
			assertThat(subjects).as("the events of every acknowledged booking were applied").containsAll(load.acknowledged());
		});
	}

	/** The partitions Kafka's default partitioner gives these keys. */
	private static Set<Integer> partitionsOf(Set<String> keys, int partitions) {
		return keys.stream()
			.map((key) -> Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions)
			.collect(Collectors.toSet());
	}

	/** A word of eight letters that no other listing holds. */
	static String word() {
		Random random = new Random();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	private static List<JsonNode> heldBookings(Api owner, String listingId) throws Exception {
		List<JsonNode> held = new ArrayList<>();
		for (int page = 0; page < 10; page++) {
			Api.Response answer = owner.get("/api/bookings/listings/" + listingId + "/bookings?active=true&page=" + page + "&size=50");
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			JsonNode items = answer.json().get("items");
			for (JsonNode booking : items) {
				String status = booking.get("status").asString();
				if (status.equals("REQUESTED") || status.equals("CONFIRMED")) {
					held.add(booking);
				}
			}
			if (items.size() < 50) {
				break;
			}
		}
		return held;
	}

}
