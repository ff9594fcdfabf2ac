package org.mutualis.identity.person.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mutualis.identity.person.application.PasswordReset;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Password reset over the API: asking for a link and choosing a new password with it. */
@RestController
class PersonController {

	private final PasswordReset passwordReset;

	PersonController(PasswordReset passwordReset) {
		this.passwordReset = passwordReset;
	}

	@PostMapping("/api/identity/password-resets")
	ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request) {
		this.passwordReset.request(request.email());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/identity/password-resets/complete")
	ResponseEntity<Void> completeReset(@Valid @RequestBody CompleteResetRequest request) {
		this.passwordReset.complete(request.token(), request.password());
		return ResponseEntity.noContent().build();
	}

	record ResetRequest(@NotBlank @Size(max = 254) String email) {
	}

	record CompleteResetRequest(@NotBlank String token, @NotBlank String password) {
	}

}
