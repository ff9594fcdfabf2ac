package org.mutualis.listings.moderation.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.Reports;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Builds what administrators review, a page at a time: the listings waiting for review and the reported ones, each
 * with every report about it. A fixed number of reads whatever the page's length: the pending listings, the ids of
 * the reported listings, those listings by their ids, the reports of all of them, and the two totals.
 */
@Service
public class ReviewQueue {

	private final Listings listings;

	private final Reports reports;

	private final ListingManagement management;

	private final ListingsProperties properties;

	ReviewQueue(Listings listings, Reports reports, ListingManagement management, ListingsProperties properties) {
		this.properties = properties;
		this.listings = listings;
		this.reports = reports;
		this.management = management;
	}

	/**
	 * Builds one page of the moderation queue.
	 * @param admin an administrator
	 * @param page page number, from 0, of both lists
	 * @param size page size asked for; capped
	 * @return listings waiting for review (oldest change first) and listings with open reports (oldest report
	 * first), each with all its reports, and how many each list holds in all
	 */
	public Queue queue(Actor admin, int page, @Nullable Integer size) {
		ListingAccess.requireAdmin(admin);
		int pageSize = this.properties.limits().pageSize(size);
		List<Listing> pending = this.listings.inStatus(ListingStatus.PENDING_REVIEW, page, pageSize);
		List<String> reportedIds = this.reports.listingsWithOpenReports(page, pageSize);
		Map<String, Listing> reportedById = this.listings.findAll(reportedIds)
			.stream()
			.collect(Collectors.toMap(Listing::id, Function.identity()));
		Set<String> all = new LinkedHashSet<>(reportedIds);
		pending.forEach((listing) -> all.add(listing.id()));
		Map<String, List<Report>> reportsByListing = this.reports.about(all)
			.stream()
			.collect(Collectors.groupingBy(Report::listingId));
		List<Case> reported = new ArrayList<>();
		for (String id : reportedIds) {
			Listing listing = reportedById.get(id);
			if (listing != null) {
				reported.add(new Case(listing, reportsByListing.getOrDefault(id, List.of())));
			}
		}
		List<Case> waiting = pending.stream()
			.map((listing) -> new Case(listing, reportsByListing.getOrDefault(listing.id(), List.of())))
			.toList();
		return new Queue(waiting, reported, page, pageSize, this.listings.countInStatus(ListingStatus.PENDING_REVIEW),
				this.reports.countListingsWithOpenReports());
	}

	/**
	 * One moderation case: a listing with its audit trail and every report about it, resolved ones too.
	 * @param admin an administrator
	 * @param listingId the listing
	 * @return the case
	 */
	public Case caseOf(Actor admin, String listingId) {
		Listing listing = this.management.readHistory(admin, listingId);
		ListingAccess.requireAdmin(admin);
		return new Case(listing, this.reports.about(List.of(listingId)));
	}

	/**
	 * One page of the moderation queue.
	 *
	 * @param pendingReview listings waiting for review
	 * @param reported listings with open reports
	 * @param page page number, from 0
	 * @param size page size used
	 * @param pendingReviewTotal how many listings wait for review in all
	 * @param reportedTotal how many listings have open reports in all
	 */
	public record Queue(List<Case> pendingReview, List<Case> reported, int page, int size, long pendingReviewTotal,
			long reportedTotal) {
	}

	/**
	 * A listing under review with the reports about it.
	 *
	 * @param listing the listing, with its audit trail
	 * @param reports its reports, oldest first
	 */
	public record Case(Listing listing, List<Report> reports) {
	}

}
