package org.mutualis.identity.common;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;

/**
 * Which page of a list to show: page numbers start at 0, and no page holds more than {@value #MAX_SIZE} items.
 *
 * @param page the page number
 * @param size how many items per page
 */
public record Paging(int page, int size) {

	/** Items per page when the caller does not say. */
	public static final int DEFAULT_SIZE = 50;

	/** Most items a page may hold. */
	public static final int MAX_SIZE = 100;

	/**
	 * Reads the paging a caller asked for.
	 * @param page the page number, first when absent
	 * @param size items per page, {@value #DEFAULT_SIZE} when absent
	 * @return the paging
	 * @throws Refusal naming {@code page} or {@code size} when out of bounds
	 */
	public static Paging of(@Nullable Integer page, @Nullable Integer size) {
		int number = (page != null) ? page : 0;
		int items = (size != null) ? size : DEFAULT_SIZE;
		if (number < 0) {
			throw Refusal.invalidField("page-invalid", "page");
		}
		if (items < 1 || items > MAX_SIZE) {
			throw Refusal.invalidField("page-size-invalid", "size", MAX_SIZE);
		}
		return new Paging(number, items);
	}

	/**
	 * How many items come before this page, at most {@link Integer#MAX_VALUE}: the driver takes the number to skip as
	 * an {@code int}, and a larger one wrapped round to the first page's items; no list is that long, so the page
	 * stays empty.
	 * @return the offset
	 */
	public long offset() {
		return Math.min((long) this.page * this.size, Integer.MAX_VALUE);
	}

}
