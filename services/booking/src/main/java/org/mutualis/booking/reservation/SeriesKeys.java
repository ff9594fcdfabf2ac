package org.mutualis.booking.reservation;

/**
 * What each series requested under an idempotency key asked for: a digest of the whole request, written once per
 * series. A retry with the same key and another body (more or fewer occurrences, another quantity…) is recognised
 * before any occurrence is booked, even when the first occurrence was skipped and no booking carries the digest.
 */
public interface SeriesKeys {

	/**
	 * Keeps a series' digest unless one is kept already.
	 * @param seriesId the series (derived from the key, the person and the organisation)
	 * @param digest what the request asks
	 * @return the digest kept for the series: this one when it is new, the first one's otherwise
	 */
	String remember(String seriesId, String digest);

}
