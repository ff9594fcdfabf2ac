package org.mutualis.platform.it.consumer;

import java.util.concurrent.atomic.AtomicInteger;

import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/** A consuming service for platform tests: counts, per note, how many times its event was applied. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NoteCounterService {

	@Bean
	NoteListener noteListener(ProcessedEvents processed, MongoTemplate mongo, JsonMapper mapper) {
		return new NoteListener(processed, mongo, mapper);
	}

	/** Applies note events; a note whose text is "poison" can never be applied. */
	public static class NoteListener {

		/** Deliveries seen, duplicates included. */
		public final AtomicInteger deliveries = new AtomicInteger();

		private final ProcessedEvents processed;

		private final MongoTemplate mongo;

		private final JsonMapper mapper;

		NoteListener(ProcessedEvents processed, MongoTemplate mongo, JsonMapper mapper) {
			this.processed = processed;
			this.mongo = mongo;
			this.mapper = mapper;
		}

		@KafkaListener(topics = Topics.CONVERSATIONS, groupId = "note-counter")
		void on(String json) {
			EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
			this.deliveries.incrementAndGet();
			this.processed.applyOnce("note-counter", event, (note) -> {
				if ("poison".equals(note.data().path("text").asString())) {
					throw new IllegalStateException("this note can never be applied");
				}
				this.mongo.upsert(Query.query(Criteria.where("_id").is(note.subject())), new Update().inc("applied", 1),
						"note_counts");
			});
		}

		/**
		 * Reads how many times a note's event was applied.
		 * @param noteId the note
		 * @return the count, 0 if never
		 */
		public int applied(String noteId) {
			org.bson.Document count = this.mongo.findById(noteId, org.bson.Document.class, "note_counts");
			return (count == null) ? 0 : count.getInteger("applied");
		}

	}

}
