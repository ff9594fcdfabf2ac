package org.mutualis.notifications.deadletter.web;

import java.util.List;

import org.mutualis.notifications.deadletter.DeadLetter;
import org.mutualis.notifications.deadletter.application.Replays;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The administrators' dead-letter API: the dead letters of a topic with their error, and the replay of one. */
@RestController
@RequestMapping("/api/notifications/admin/dead-letters")
class DeadLetterController {

	private final Replays replays;

	DeadLetterController(Replays replays) {
		this.replays = replays;
	}

	@GetMapping
	List<DeadLetter> list(Actor actor, @RequestParam String topic, @RequestParam(defaultValue = "50") int limit) {
		return this.replays.of(actor, topic, limit);
	}

	@PostMapping("/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeadLetter replay(Actor actor, @PathVariable String id) {
		return this.replays.replay(actor, id);
	}

}
