package org.mutualis.booking.reservation.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.application.BookingDecisions;
import org.mutualis.booking.reservation.application.BookingQueries;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members request listings; the two organisations follow, decide on and cancel their bookings. */
@RestController
class BookingController {

	/** Header that makes a request safe to retry. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Reserving reserving;

	private final BookingDecisions decisions;

	private final BookingQueries queries;

	BookingController(Reserving reserving, BookingDecisions decisions, BookingQueries queries) {
		this.reserving = reserving;
		this.decisions = decisions;
		this.queries = queries;
	}

	@PostMapping("/api/bookings")
	ResponseEntity<BookingView> request(Actor actor,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable @Size(min = 1, max = 200) String key,
			@Valid @RequestBody BookingRequest request) {
		Reserving.Reserved reserved = this.reserving.request(actor,
				new Reserving.Request(request.listingId(), request.start(), request.end(),
						(request.quantity() != null) ? request.quantity() : 1, request.acceptPrerequisites(),
						request.message(), null),
				key);
		BookingView view = BookingView.of(reserved.booking());
		ResponseEntity.BodyBuilder builder = reserved.created()
				? ResponseEntity.created(URI.create("/api/bookings/" + view.id())) : ResponseEntity.ok();
		return Versions.withETag(builder, view);
	}

	@GetMapping("/api/bookings")
	PageView mine(Actor actor, @RequestParam(defaultValue = "upcoming") String view,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.queries.mine(actor, view(view), page, size));
	}

	@GetMapping("/api/bookings/incoming")
	PageView incoming(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.queries.incoming(actor, page, size));
	}

	@GetMapping("/api/bookings/{id}")
	ResponseEntity<BookingView> read(Actor actor, @PathVariable String id) {
		return Versions.withETag(ResponseEntity.ok(), BookingView.of(this.queries.read(actor, id)));
	}

	@PostMapping("/api/bookings/{id}/confirm")
	ResponseEntity<BookingView> confirm(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.decisions.confirm(actor, id, Versions.parse(ifMatch)));
	}

	@PostMapping("/api/bookings/{id}/decline")
	ResponseEntity<BookingView> decline(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.decisions.decline(actor, id, request.reason(), Versions.parse(ifMatch)));
	}

	@PostMapping("/api/bookings/{id}/cancel")
	ResponseEntity<BookingView> cancel(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.decisions.cancel(actor, id, request.reason(), Versions.parse(ifMatch)));
	}

	@PostMapping("/api/bookings/{id}/counter-proposal")
	ResponseEntity<BookingView> propose(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ProposalRequest request) {
		return answer(this.decisions.proposeOtherTime(actor, id, request.start(), request.end(), request.message(),
				Versions.parse(ifMatch)));
	}

	@PostMapping("/api/bookings/{id}/counter-proposal/accept")
	ResponseEntity<BookingView> acceptProposal(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.decisions.acceptProposal(actor, id, Versions.parse(ifMatch)));
	}

	@PostMapping("/api/bookings/{id}/counter-proposal/decline")
	ResponseEntity<BookingView> declineProposal(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.decisions.declineProposal(actor, id, request.reason(), Versions.parse(ifMatch)));
	}

	@PostMapping("/api/bookings/{id}/no-show")
	ResponseEntity<BookingView> noShow(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.decisions.recordNoShow(actor, id, Versions.parse(ifMatch)));
	}

	private static ResponseEntity<BookingView> answer(Booking booking) {
		return Versions.withETag(ResponseEntity.ok(), BookingView.of(booking));
	}

	private static BookingQueries.View view(String view) {
		return switch (view) {
			case "upcoming" -> BookingQueries.View.UPCOMING;
			case "pending" -> BookingQueries.View.PENDING;
			case "past" -> BookingQueries.View.PAST;
			default -> throw Refusal.invalidField("invalid-view", "view");
		};
	}

}
