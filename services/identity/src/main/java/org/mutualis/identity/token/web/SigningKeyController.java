package org.mutualis.identity.token.web;

import org.mutualis.identity.token.server.SigningKeys;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator rotate the key that signs tokens; earlier keys stay published while their tokens live. */
@RestController
class SigningKeyController {

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/api/identity/admin/signing-keys/rotate")
	RotatedKey rotate(Actor actor) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Reason.FORBIDDEN, "admin-only");
		}
		return new RotatedKey(this.keys.rotate());
	}

	record RotatedKey(String kid) {
	}

}
