package org.mutualis.system;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.local.Part;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's rolling restart: under a steady load through the gateway, each instance of listings, booking and
 * notifications is stopped and started again in turn, as a deployment would. No idempotent call fails, every
 * acknowledged booking exists afterwards, and its events are applied by the consumers that read them, each once. Starts its own
 * stack ({@link ScaledStack}, ports offset by 4000 unless {@code -Dmutualis.scale.restart-port-offset} says
 * otherwise).
 */
class RollingRestartIT {

	private static final int PORT_OFFSET = Integer.getInteger("mutualis.scale.restart-port-offset", 4000);

	private static ScaledStack system;

	private static Api anonymous;

	private static TokenClient tokens;

	@BeforeAll
	static void startStack() {
		system = ScaledStack.start(PORT_OFFSET, "rolling-restart", Map.of());
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
	void restartingEachInstanceInTurnFailsNoIdempotentCallAndLosesNoEvent() throws Exception {
		Api owner = anonymous.as(tokens.accessToken("gestion@lephare.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LE_PHARE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", BookingJourneyIT.PASSWORD, null));
		String word = TwoInstancesIT.word();
		String listingId = BookingJourneyIT.publishedListing(owner, admin, BookingJourneyIT.resourceJson("EQUIPMENT",
				"tools", "Projecteur " + word, "Haut-Saint-Laurent", "5.00", "INSTANT",
				"\"traits\":{\"quantity\":60,\"condition\":\"GOOD\"}", 1));
		SteadyLoad.Tokens member = new SteadyLoad.Tokens(tokens, "membre@laruche.demo", BookingJourneyIT.LA_RUCHE);
		BookingJourneyIT.awaitBookable(anonymous.as(member.current()), listingId);

		SteadyLoad load = new SteadyLoad(anonymous, member, listingId, word).start(3);
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 30);
			for (Part part : ScaledStack.SCALED) {
				for (int number = 1; number <= 2; number++) {
					int before = load.answered();
					system.stack().stop(part, number);
					system.stack().start(part, number);
					// as a rolling update waits for the new pod's readiness: the gateway calls the restarted
					// instance again, and it takes its share, before the next one stops
					system.awaitInTheGatewayBalancing(part, number);
					await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= before + 20);
				}
			}
		}
		finally {
			load.close();
		}
		System.out.println("[rolling-restart] " + load.answered() + " calls answered, " + load.acknowledged().size()
				+ " bookings acknowledged");
		assertThat(load.failures()).as("idempotent calls that failed during the rolling restart").isEmpty();
		assertThat(load.acknowledged()).as("bookings acknowledged").isNotEmpty();
		Api reader = anonymous.as(member.current());
		for (String booking : load.acknowledged()) {
			assertThat(reader.get("/api/bookings/" + booking).status()).as("acknowledged booking " + booking + " exists")
				.isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> subjects = system.appliedAnywhere().stream()
				.map(ScaledStack.Applied::subject)
				.collect(Collectors.toSet());
			assertThat(subjects).as("the events of every acknowledged booking were applied").containsAll(load.acknowledged());
		});
		for (Part part : ScaledStack.SCALED) {
			Map<String, Long> times = system.applied(part).stream()
				.collect(Collectors.groupingBy((event) -> event.consumer() + ":" + event.id(), Collectors.counting()));
			assertThat(times).as(part + ": each event applied once per consumer, restarts included")
				.allSatisfy((event, count) -> assertThat(count).as(event).isEqualTo(1L));
		}
	}

}
