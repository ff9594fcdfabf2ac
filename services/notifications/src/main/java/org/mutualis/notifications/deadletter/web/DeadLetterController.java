package org.mutualis.notifications.deadletter.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.deadletter.DeadLetter;
import org.mutualis.notifications.deadletter.DeadLetters;
import org.mutualis.notifications.deadletter.application.Replays;
import org.mutualis.notifications.web.QueryNumbers;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' dead-letter API: the dead letters of a topic with their error, and the replay of one. Anyone else
 * gets 403 whatever the parameters: they are read only once the caller is known to be an administrator.
 */
@RestController
@RequestMapping("/api/notifications/admin/dead-letters")
class DeadLetterController {

	static final int DEFAULT_LIMIT = 50;

	private final Replays replays;

	DeadLetterController(Replays replays) {
		this.replays = replays;
	}

	@GetMapping
	List<DeadLetter> list(Actor actor,
			@Parameter(description = "a topic or its dead-letter topic, e.g. mutualis.bookings.v1", required = true,
					schema = @Schema(type = "string")) @RequestParam(required = false) @Nullable String topic,
			@Parameter(description = "most to return, at least 1; larger than " + DeadLetters.MAX_LIST + " gives "
					+ DeadLetters.MAX_LIST, schema = @Schema(type = "integer", minimum = "1",
							defaultValue = "" + DEFAULT_LIMIT)) @RequestParam(required = false) @Nullable String limit) {
		this.replays.requireAdministrator(actor);
		int most = QueryNumbers.read(limit, DEFAULT_LIMIT,
				() -> Refusal.invalidField("limit-invalid", "limit", DeadLetters.MAX_LIST));
		return this.replays.of(actor, topic, most);
	}

	@PostMapping("/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeadLetter replay(Actor actor, @PathVariable String id) {
		return this.replays.replay(actor, id);
	}

}
