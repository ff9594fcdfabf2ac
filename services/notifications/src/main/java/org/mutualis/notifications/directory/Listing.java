package org.mutualis.notifications.directory;

import java.time.ZoneId;

/**
 * Notifications' own copy of a listing: who owns it, what it is called and where its times are told.
 *
 * @param id listing id
 * @param ownerOrganisationId the owning organisation
 * @param titleFr title in French
 * @param titleEn title in English
 * @param timeZone the listing's local time zone
 */
public record Listing(String id, String ownerOrganisationId, String titleFr, String titleEn, ZoneId timeZone) {

	/**
	 * The title in a language, falling back to the other one.
	 * @param language {@code fr} or {@code en}
	 * @return the title
	 */
	public String title(String language) {
		String preferred = Languages.ENGLISH.equals(language) ? this.titleEn : this.titleFr;
		return preferred.isBlank() ? (Languages.ENGLISH.equals(language) ? this.titleFr : this.titleEn) : preferred;
	}

}
