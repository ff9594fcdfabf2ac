package org.mutualis.web.booking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.Acting;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One booking at the address notifications give it (their {@code WebPaths.BOOKING}), for either of its
 * organisations: what, when, for whom and where it stands, which side the person's organisation is on, and the way
 * to the list where it is acted on, at its entry: the organisation's bookings for the borrower, the requests received
 * for the owner's managers. Booking decides who may see it: another organisation's booking is the 404 page.
 */
@Controller
class BookingPageController {

	private final ServiceCalls services;

	private final Clock clock;

	BookingPageController(ServiceCalls services, ObjectProvider<Clock> clock) {
		this.services = services;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/bookings/{id}")
	String booking(@PathVariable String id, Model model) {
		String bookingId = safe(id);
		Map<String, Object> booking = this.services.get(Service.BOOKING, "/api/bookings/" + bookingId);
		Acting acting = Acting.of(this.services.token());
		String organisation = acting.organisation();
		String side = (organisation == null) ? null : organisation.equals(booking.get("ownerOrganisationId")) ? "owner"
				: organisation.equals(booking.get("borrowerOrganisationId")) ? "borrower" : null;
		boolean open = "REQUESTED".equals(booking.get("status")) && !ended(booking);
		model.addAttribute("booking", booking);
		model.addAttribute("side", side);
		model.addAttribute("answerable", "owner".equals(side) && open);
		model.addAttribute("list", list(bookingId, booking, side, open, acting));
		return "booking";
	}

	/**
	 * Where the person's organisation finds the booking among others and acts on it, its entry as the anchor.
	 * @return the address, or {@code null} where no list of theirs shows it (a request cancelled before its time)
	 */
	private @Nullable String list(String id, Map<String, Object> booking, @Nullable String side, boolean open,
			Acting acting) {
		String entry = "#booking-" + id;
		if ("owner".equals(side)) {
			// the requests received are the owner's only list; only its managers answer them
			return (open && acting.manager()) ? "/demandes" + entry : null;
		}
		if (!"borrower".equals(side)) {
			return null;
		}
		if (ended(booking)) {
			return "/reservations?vue=past" + entry;
		}
		return switch (String.valueOf(booking.get("status"))) {
			case "REQUESTED" -> "/reservations?vue=pending" + entry;
			case "CONFIRMED" -> "/reservations?vue=upcoming" + entry;
			default -> null;
		};
	}

	/** Booking lists a booking among the past ones once its end has come. */
	private boolean ended(Map<String, Object> booking) {
		try {
			return !Instant.parse(String.valueOf(booking.get("end"))).isAfter(this.clock.instant());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
