package org.mutualis.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;

/** Finds, in the demo data, an hourly approval-mode room with a free slot the browser journeys can book. */
final class DemoRooms {

	private DemoRooms() {
	}

	/**
	 * A free slot (at least two hours, at least two days ahead, within the given number of days) of an hourly
	 * approval-mode room of an organisation.
	 * @param member who asks
	 * @param organisation the room's owner
	 * @param days how far ahead to look
	 * @param sameTimeNextWeek whether the same time a week later must be free as well (for a weekly series)
	 * @return the room and its slot
	 */
	static Room free(Api member, String organisation, int days, boolean sameTimeNextWeek) throws Exception {
		JsonNode rooms = member.get("/api/listings/search?kind=SPACE&size=50&owner=" + organisation).json().get("items");
		LocalDate from = LocalDate.now().plusDays(2);
		for (JsonNode found : rooms.values()) {
			String id = found.get("id").asString();
			JsonNode listing = member.get("/api/listings/" + id).json();
			if (!"HOUR".equals(listing.get("unit").asString())
					|| !"APPROVAL".equals(listing.get("bookingPolicy").get("mode").asString())) {
				continue;
			}
			int minutes = Math.max(120, listing.get("bookingPolicy").get("minDurationMinutes").asInt());
			if (minutes > listing.get("bookingPolicy").get("maxDurationMinutes").asInt()) {
				continue;
			}
			ZoneId zone = ZoneId.of(listing.path("timeZone").asString("America/Toronto"));
			int units = Math.max(1, listing.path("bookableAtOnce").asInt(1));
			Api.Response calendar = member
				.get("/api/bookings/listings/" + id + "/availability?from=" + from + "&to=" + from.plusDays(days));
			if (calendar.status() != 200) {
				continue;
			}
			for (JsonNode interval : calendar.json().get("intervals").values()) {
				LocalDateTime start = LocalDateTime.parse(interval.get("localStart").asString())
					.truncatedTo(ChronoUnit.HOURS)
					.plusHours(1);
				LocalDateTime end = LocalDateTime.parse(interval.get("localEnd").asString());
				// the room's notice counts from now: a slot two days ahead can still be too soon for a 48-hour notice
				LocalDateTime earliest = LocalDateTime.now(zone)
					.plusHours(listing.get("bookingPolicy").path("minNoticeHours").asInt(0))
					.plusHours(1);
				while (start.isBefore(earliest)) {
					start = start.plusHours(1);
				}
				if (!"FREE".equals(interval.get("state").asString()) || start.plusMinutes(minutes).isAfter(end)) {
					continue;
				}
				Room room = new Room(id, listing.get("title"), zone, units, start, start.plusMinutes(minutes));
				if (!sameTimeNextWeek || freeAWeekLater(member, room)) {
					return room;
				}
			}
		}
		throw new AssertionError("no free room of " + organisation + " in the demo data"
				+ (sameTimeNextWeek ? " two weeks running" : ""));
	}

	private static boolean freeAWeekLater(Api member, Room room) throws Exception {
		Api.Response nextWeek = member.post("/api/bookings/availability", """
				{"listingIds": ["%s"], "quantity": %d, "start": "%s", "end": "%s"}""".formatted(room.id(), room.units(),
				room.instant(room.start().plusWeeks(1)), room.instant(room.end().plusWeeks(1))));
		return nextWeek.status() == 200 && nextWeek.json().get("available").toString().contains(room.id());
	}

	/** A room and a free slot of it, in the room's local time. */
	record Room(String id, JsonNode titles, ZoneId zone, int units, LocalDateTime start, LocalDateTime end) {

		String instant(LocalDateTime local) {
			return local.atZone(this.zone).toInstant().toString();
		}

		String title(boolean english) {
			return (english && this.titles.hasNonNull("en")) ? this.titles.get("en").asString()
					: this.titles.get("fr").asString();
		}

	}

}
