package org.mutualis.booking.reservation.application;

import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.Side;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

/**
 * Who may see and act on a booking, decided on the booking itself: only its two organisations see it (others get
 * 404, so nothing leaks); members and managers of the borrower act for the borrower; only managers act for the owner.
 */
final class BookingAccess {

	private BookingAccess() {
	}

	/**
	 * The side the actor acts for.
	 * @param actor the caller
	 * @param booking the booking
	 * @return its side
	 * @throws Refusal 404 when the actor acts for neither organisation
	 */
	static Side visibleSide(Actor actor, Booking booking) {
		Side side = booking.terms().sideOf(actor.organisationId());
		if (side == null || !actor.actsFor(actor.organisationId())) {
			throw Refusal.of(Reason.NOT_FOUND, "booking-not-found");
		}
		return side;
	}

	/**
	 * Requires a manager of the owning organisation.
	 * @param actor the caller
	 * @param booking the booking
	 */
	static void requireOwnerManager(Actor actor, Booking booking) {
		Side side = visibleSide(actor, booking);
		if (side != Side.OWNER || !actor.manages(booking.terms().ownerOrganisationId())) {
			throw Refusal.of(Reason.FORBIDDEN, "not-owner-manager");
		}
	}

	/**
	 * Requires a member or manager of the borrowing organisation.
	 * @param actor the caller
	 * @param booking the booking
	 */
	static void requireBorrower(Actor actor, Booking booking) {
		if (visibleSide(actor, booking) != Side.BORROWER) {
			throw Refusal.of(Reason.FORBIDDEN, "not-borrower");
		}
	}

	/**
	 * Requires a side that may cancel: the borrower's members and managers, or the owner's managers.
	 * @param actor the caller
	 * @param booking the booking
	 * @return the side cancelling
	 */
	static Side requireCanceller(Actor actor, Booking booking) {
		Side side = visibleSide(actor, booking);
		if (side == Side.OWNER && !actor.manages(booking.terms().ownerOrganisationId())) {
			throw Refusal.of(Reason.FORBIDDEN, "not-owner-manager");
		}
		return side;
	}

	/**
	 * Requires someone acting for an organisation, as member or manager.
	 * @param actor the caller
	 * @return the organisation
	 */
	static String requireOrganisation(Actor actor) {
		String organisation = actor.organisationId();
		if (organisation == null || !actor.actsFor(organisation)) {
			throw Refusal.of(Reason.FORBIDDEN, "no-organisation");
		}
		return organisation;
	}

}
