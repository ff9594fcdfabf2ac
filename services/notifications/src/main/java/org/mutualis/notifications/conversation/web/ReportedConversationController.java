package org.mutualis.notifications.conversation.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.conversation.application.Conversing;
import org.mutualis.notifications.web.QueryNumbers;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' list of the conversations a participant reported, most recently reported first; each one is
 * then read at {@code GET /api/notifications/conversations/{id}}. Anyone else gets 403, whatever the parameters.
 */
@RestController
@RequestMapping("/api/notifications/admin/conversations")
class ReportedConversationController {

	static final int DEFAULT_PAGE_SIZE = 20;

	private final Conversing conversing;

	ReportedConversationController(Conversing conversing) {
		this.conversing = conversing;
	}

	/** A page of them; sizes above {@value Conversing#MAX_LISTED} give that many, a page past the last is empty. */
	@GetMapping("/reported")
	ReportedConversationsView reported(Actor actor,
			@Parameter(description = "page number from 0", schema = @Schema(type = "integer", minimum = "0",
					defaultValue = "0")) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = "page size, at least 1; larger than " + Conversing.MAX_LISTED + " gives "
					+ Conversing.MAX_LISTED, schema = @Schema(type = "integer", minimum = "1",
							defaultValue = "" + DEFAULT_PAGE_SIZE)) @RequestParam(required = false) @Nullable String size) {
		this.conversing.requireAdministrator(actor);
		int number = QueryNumbers.read(page, 0, () -> Refusal.invalidField("page-invalid", "page"));
		int count = QueryNumbers.read(size, DEFAULT_PAGE_SIZE,
				() -> Refusal.invalidField("page-size-invalid", "size", Conversing.MAX_LISTED));
		Conversing.Reported found = this.conversing.reported(actor, number, count);
		return new ReportedConversationsView(found.page()
			.items()
			.stream()
			.map((conversation) -> ReportedConversationView.of(conversation, found.organisationNames()))
			.toList(), found.page().page(), found.page().size(), found.page().total());
	}

}
