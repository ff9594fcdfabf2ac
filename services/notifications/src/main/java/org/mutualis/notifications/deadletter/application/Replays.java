package org.mutualis.notifications.deadletter.application;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.deadletter.DeadLetter;
import org.mutualis.notifications.deadletter.DeadLetters;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * The administrators' handling of dead letters: list those of a topic, and replay one (after a fix) by publishing the
 * same message to its original topic. Consumers that applied it before skip it by its event id; the one that failed
 * applies it now.
 */
@Service
public class Replays {

	/** The topics whose dead letters are kept. */
	public static final List<String> TOPICS = List.of(Topics.IDENTITY, Topics.LISTINGS, Topics.BOOKINGS,
			Topics.CONVERSATIONS);

	private static final Logger log = LoggerFactory.getLogger(Replays.class);

	private final DeadLetters letters;

	private final KafkaTemplate<String, String> kafka;

	private final Clock clock;

	Replays(DeadLetters letters, KafkaTemplate<String, String> kafka, Clock clock) {
		this.letters = letters;
		this.kafka = kafka;
		this.clock = clock;
	}

	/**
	 * The dead letters of a topic, newest first.
	 * @param actor the caller; an administrator
	 * @param topic a topic or its dead-letter topic; required
	 * @param limit most to return, at most {@link DeadLetters#MAX_LIST}
	 * @return the letters
	 * @throws Refusal 403 {@code administrator-required} for anyone else, before anything else is looked at; 400
	 * {@code topic-required} or {@code topic-unknown} (both listing the topics), {@code limit-invalid}
	 */
	public List<DeadLetter> of(Actor actor, @Nullable String topic, int limit) {
		requireAdministrator(actor);
		if (topic == null || topic.isBlank()) {
			throw Refusal.invalidField("topic-required", "topic", String.join(", ", TOPICS));
		}
		String named = topic.strip();
		String original = named.endsWith(Topics.DEAD_LETTER_SUFFIX)
				? named.substring(0, named.length() - Topics.DEAD_LETTER_SUFFIX.length()) : named;
		if (!TOPICS.contains(original)) {
			throw Refusal.invalidField("topic-unknown", "topic", String.join(", ", TOPICS));
		}
		if (limit < 1) {
			throw Refusal.invalidField("limit-invalid", "limit", DeadLetters.MAX_LIST);
		}
		return this.letters.of(original, Math.min(limit, DeadLetters.MAX_LIST));
	}

	/**
	 * Publishes a dead letter again to its original topic, with its key.
	 * @param actor the caller; an administrator
	 * @param id the letter
	 * @return the letter as it is now
	 */
	public DeadLetter replay(Actor actor, String id) {
		requireAdministrator(actor);
		DeadLetter letter = this.letters.find(id)
			.orElseThrow(() -> Refusal.of(Refusal.Reason.NOT_FOUND, "dead-letter-not-found"));
		try {
			this.kafka.send(letter.topic(), letter.key(), letter.value()).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while replaying " + id, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the broker did not take the replay of " + id, ex);
		}
		this.letters.replayed(id, this.clock.instant());
		log.info("dead letter {} replayed to {} by {}", id, letter.topic(), actor.personId());
		return this.letters.find(id).orElseThrow();
	}

	/**
	 * Refuses anyone but a platform administrator.
	 * @param actor the caller
	 * @throws Refusal 403 {@code administrator-required}
	 */
	public void requireAdministrator(Actor actor) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "administrator-required");
		}
	}

}
