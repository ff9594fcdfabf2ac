package org.mutualis.listings.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the listings service.
 *
 * @param reviewSubstantiveEdits whether a substantive edit of a published listing, or a new photo on it, sends it
 * back to review (the default: otherwise an owner changes what moderators approved without their knowing)
 * @param photos photo settings
 * @param search search settings
 * @param limits page sizes of lists and caps on what a caller creates
 */
@Validated
@ConfigurationProperties("mutualis.listings")
public record ListingsProperties(@DefaultValue("true") boolean reviewSubstantiveEdits,
		@DefaultValue @Valid Photos photos, @DefaultValue @Valid Search search, @DefaultValue @Valid Limits limits) {

	/**
	 * Photo settings.
	 *
	 * @param maxSize largest accepted upload
	 * @param thumbnailWidth width of thumbnails in pixels
	 * @param maxAge how long browsers and proxies may cache a photo, in seconds
	 * @param maxPixels largest width × height an upload may declare, checked before decoding
	 * @param concurrentDecodes how many uploads are decoded at once
	 * @param decodeWait how long an upload waits for a decoding slot before {@code 429 photo-decoding-busy}
	 */
	public record Photos(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("400") @Min(32) @Max(1600) int thumbnailWidth,
			@DefaultValue("86400") @Min(0) long maxAge, @DefaultValue("40000000") @Min(1) long maxPixels,
			@DefaultValue("2") @Min(1) @Max(64) int concurrentDecodes, @DefaultValue("2s") Duration decodeWait) {
	}

	/**
	 * Search settings.
	 *
	 * @param indexDirectory where the memory-mapped Lucene index lives; a fresh temporary directory when absent,
	 * the Java heap when {@code memory}. The index is rebuilt from the collection at every start.
	 * @param maxPageSize largest page a search returns
	 * @param defaultPageSize page size when the caller names none
	 */
	public record Search(@Nullable String indexDirectory, @DefaultValue("50") @Min(1) @Max(500) int maxPageSize,
			@DefaultValue("20") @Min(1) int defaultPageSize) {
	}

	/**
	 * Page sizes of lists and caps on what a caller creates.
	 *
	 * @param maxPageSize largest page of an organisation's listings or of the moderation queue
	 * @param defaultPageSize page size when the caller names none
	 * @param maxDraftsPerOrganisation drafts an organisation may keep at once
	 * @param reportsPerOrganisationPerDay reports the people of an organisation may file per day (UTC)
	 */
	public record Limits(@DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
			@DefaultValue("50") @Min(1) int defaultPageSize, @DefaultValue("50") @Min(1) int maxDraftsPerOrganisation,
			@DefaultValue("20") @Min(1) int reportsPerOrganisationPerDay) {

		/**
		 * The page size to use.
		 * @param requested what the caller asked for, if anything
		 * @return the size asked for or the default, at most {@link #maxPageSize()}
		 */
		public int pageSize(@Nullable Integer requested) {
			return Math.min((requested != null) ? requested : this.defaultPageSize, this.maxPageSize);
		}

	}

}
