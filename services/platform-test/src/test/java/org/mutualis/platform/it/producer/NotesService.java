package org.mutualis.platform.it.producer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.mutualis.platform.events.EventRecorder;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.OutboxWakeUp;
import org.mutualis.platform.events.Topics;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A producing service for platform tests: writing a note and its event is one single-document insert. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(NotesService.Api.class)
public class NotesService {

	/** Event data of a written note. */
	record NoteWritten(String noteId, String text) {
	}

	@RestController
	static class Api {

		private final MongoTemplate mongo;

		private final EventRecorder events;

		Api(MongoTemplate mongo, EventRecorder events) {
			this.mongo = mongo;
			this.events = events;
		}

		@PostMapping("/api/notes")
		@ResponseStatus(HttpStatus.CREATED)
		Map<String, String> write(@RequestBody Map<String, String> body) {
			String id = UUID.randomUUID().toString();
			OutboxMessage event = this.events.record(Topics.CONVERSATIONS, "mutualis.note.written.v1", id,
					new NoteWritten(id, body.get("text")));
			this.mongo.insert(new Document("_id", id).append("text", body.get("text")).append("outbox", List.of(event.toDocument())),
					"notes");
			OutboxWakeUp.committed("notes", id);
			return Map.of("id", id, "eventId", event.id());
		}

	}

}
