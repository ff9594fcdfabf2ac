package org.mutualis.web.manage.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class ListingFormTest {

	@Test
	void buildsTheRequestFromTheFormsFieldPathsAndKeepsWhatTheFormDoesNotShow() {
		Map<String, Object> current = new LinkedHashMap<>();
		current.put("id", "listing-1");
		current.put("status", "PUBLISHED");
		current.put("tags", List.of("salle"));
		current.put("traits", Map.of("areaSquareMetres", 80));
		current.put("location", Map.of("municipality", "Delson", "mrc", "Roussillon", "latitude", 45.37));
		current.put("availability", Map.of("weekly", List.of(), "blackouts", List.of(Map.of("from", "2026-12-24"))));
		LinkedMultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
		submitted.add("title.fr", "Salle");
		submitted.add("location.municipality", "Châteauguay");
		submitted.add("bookableAtOnce", "2");
		submitted.add("costRecovery.mode", "RATE");
		submitted.add("costRecovery.amount", "12,50");
		submitted.add("days", "MONDAY");
		submitted.add("availability.from", "09:00");
		submitted.add("availability.to", "17:00");

		Map<String, Object> request = ListingForm.request(ListingForm.of(submitted), current);

		assertThat(request).doesNotContainKeys("id", "status").containsEntry("tags", List.of("salle"))
			.containsEntry("bookableAtOnce", 2);
		assertThat((Map<Object, Object>) request.get("traits")).containsEntry("areaSquareMetres", 80);
		assertThat((Map<Object, Object>) request.get("title")).containsEntry("fr", "Salle");
		assertThat((Map<Object, Object>) request.get("location")).containsEntry("municipality", "Châteauguay")
			.containsEntry("latitude", 45.37);
		assertThat((Map<Object, Object>) request.get("costRecovery")).containsEntry("amount", new BigDecimal("12.50"));
		assertThat((Map<Object, Object>) request.get("availability")).containsEntry("weekly",
				List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "17:00")))
			.containsKey("blackouts");
	}

	@Test
	void untouchedDaysAndHoursKeepTheWindowsOfTheAvailabilityEditor() {
		Map<String, Object> current = new LinkedHashMap<>();
		List<Map<String, Object>> windows = List.of(Map.of("day", "MONDAY", "from", "09:00:00", "to", "12:00:00"),
				Map.of("day", "MONDAY", "from", "13:00:00", "to", "17:00:00"),
				Map.of("day", "SATURDAY", "from", "10:00:00", "to", "13:00:00"));
		current.put("availability", Map.of("weekly", windows, "blackouts", List.of()));
		LinkedMultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
		submitted.add("title.fr", "Salle");
		submitted.addAll("days", List.of("MONDAY", "SATURDAY"));
		submitted.add("availability.from", "09:00");
		submitted.add("availability.to", "17:00");
		assertThat((Map<Object, Object>) ListingForm.request(ListingForm.of(submitted), current).get("availability"))
			.containsEntry("weekly", windows);

		submitted.set("availability.to", "18:00");
		assertThat((Map<Object, Object>) ListingForm.request(ListingForm.of(submitted), current).get("availability"))
			.containsEntry("weekly", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "18:00"),
					Map.of("day", "SATURDAY", "from", "09:00", "to", "18:00")));
	}

	@Test
	void aFreeListingSendsNoAmountAndAnUnreadableNumberIsLeftForListingsToRefuse() {
		LinkedMultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
		submitted.add("costRecovery.mode", "FREE");
		submitted.add("costRecovery.amount", "12");
		submitted.add("bookableAtOnce", "deux");
		Map<String, Object> request = ListingForm.request(ListingForm.of(submitted), null);
		assertThat((Map<Object, Object>) request.get("costRecovery")).containsEntry("amount", null);
		assertThat(request).containsEntry("bookableAtOnce", "deux");
		assertThat((Map<Object, Object>) request.get("bookingPolicy")).containsEntry("bufferBeforeMinutes", 0)
			.containsEntry("bufferAfterMinutes", 0);
	}

	@Test
	void namesTheFieldsSomeoneElseChanged() {
		Map<String, String> started = ListingForm.blank();
		Map<String, String> now = new LinkedHashMap<>(started);
		now.put("title.fr", "Autre titre");
		now.put("days", "MONDAY");
		assertThat(ListingForm.changedElsewhere(started, now)).containsExactly("title.fr", "days");
	}

}
