package org.mutualis.booking.reservation.web;

import java.util.List;

import org.mutualis.booking.reservation.Bookings.BookingPage;

/**
 * A page of bookings.
 *
 * @param items the bookings
 * @param page page number from 0
 * @param size page size
 * @param total bookings selected in all
 */
record PageView(List<BookingView> items, int page, int size, long total) {

	static PageView of(BookingPage page) {
		return new PageView(page.items().stream().map(BookingView::of).toList(), page.page(), page.size(), page.total());
	}

}
