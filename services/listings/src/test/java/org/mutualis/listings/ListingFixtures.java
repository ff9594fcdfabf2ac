package org.mutualis.listings;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.mutualis.listings.listing.Availability;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.Blackout;
import org.mutualis.listings.listing.BookingMode;
import org.mutualis.listings.listing.BookingPolicy;
import org.mutualis.listings.listing.BookingUnit;
import org.mutualis.listings.listing.Contact;
import org.mutualis.listings.listing.CostMode;
import org.mutualis.listings.listing.CostRecovery;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.ListingKind;
import org.mutualis.listings.listing.Location;
import org.mutualis.listings.listing.Traits;

/** Listings content used across tests. */
public final class ListingFixtures {

	private ListingFixtures() {
	}

	/** @return a valid meeting room */
	public static ListingDetails room() {
		return new ListingDetails(ListingKind.SPACE, new Bilingual("Grande salle communautaire", "Large community hall"),
				new Bilingual("Salle lumineuse de 80 places avec cuisinette.", "Bright 80-seat hall with a kitchenette."),
				"meeting-rooms", List.of("salle", "réunion"),
				new Location("Salaberry-de-Valleyfield", "Beauharnois-Salaberry", "12 rue Victoria", 45.2536, -74.1331),
				null, 40, BookingUnit.HOUR, new CostRecovery(CostMode.RATE, new BigDecimal("25.00")),
				new BigDecimal("60.00"), new Traits(80, new BigDecimal("120"), null, null, null, null, null, null),
				new Availability(List.of(new WeeklyWindowBuilder().monday()),
						List.of(new Blackout(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 2), "Fêtes"))),
				new BookingPolicy(BookingMode.APPROVAL, 60, 480, 24, 90, 15, 15, 4, null),
				List.of(new Bilingual("Laisser la salle propre", "Leave the hall clean")),
				new Contact("Marie Tremblay", "marie@example.org", "450-555-0101"));
	}

	/**
	 * A room with another title.
	 * @param fr French title
	 * @return the content
	 */
	public static ListingDetails roomTitled(String fr) {
		ListingDetails room = room();
		return new ListingDetails(room.kind(), new Bilingual(fr, null), room.description(), room.categoryCode(),
				room.tags(), room.location(), room.timeZone(), room.bookableAtOnce(), room.unit(), room.costRecovery(),
				room.marketValuePerUnit(), room.traits(), room.availability(), room.bookingPolicy(),
				room.prerequisites(), room.contact());
	}

	/** @return a JSON request body creating a valid room */
	public static String roomJson() {
		return roomJson("Grande salle communautaire");
	}

	/**
	 * A JSON request body creating a valid room.
	 * @param titleFr French title
	 * @return the JSON
	 */
	public static String roomJson(String titleFr) {
		return """
				{"kind":"SPACE","title":{"fr":"%s","en":"Large community hall"},
				 "description":{"fr":"Salle lumineuse de 80 places avec cuisinette.","en":"Bright 80-seat hall."},
				 "categoryCode":"meeting-rooms","tags":["salle","réunion"],
				 "location":{"municipality":"Salaberry-de-Valleyfield","mrc":"Beauharnois-Salaberry",
				   "address":"12 rue Victoria","latitude":45.2536,"longitude":-74.1331},
				 "bookableAtOnce":40,"unit":"HOUR","costRecovery":{"mode":"RATE","amount":25.00},
				 "marketValuePerUnit":60,"traits":{"capacityPersons":80,"areaSquareMetres":120},
				 "availability":{"weekly":[{"day":"MONDAY","from":"09:00","to":"17:00"}],
				   "blackouts":[{"from":"2026-12-24","to":"2027-01-02","reason":"Fêtes"}]},
				 "bookingPolicy":{"mode":"APPROVAL","minDurationMinutes":60,"maxDurationMinutes":480,"minNoticeHours":24,
				   "maxAdvanceDays":90,"bufferBeforeMinutes":15,"bufferAfterMinutes":15,"monthlyQuotaPerOrganisation":4},
				 "prerequisites":[{"fr":"Laisser la salle propre","en":"Leave the hall clean"}],
				 "contact":{"name":"Marie Tremblay","email":"marie@example.org","phone":"450-555-0101"}}
				""".formatted(titleFr);
	}

	private static final class WeeklyWindowBuilder {

		org.mutualis.listings.listing.WeeklyWindow monday() {
			return new org.mutualis.listings.listing.WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		}

	}

}
