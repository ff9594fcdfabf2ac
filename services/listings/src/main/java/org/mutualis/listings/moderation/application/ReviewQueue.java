package org.mutualis.listings.moderation.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * Builds what administrators review: the listings waiting for review and the reported ones, each with every
 * report about it. A fixed number of reads whatever the queue's length: the pending listings, the open reports,
 * the reported listings by their ids, and the reports of all those listings.
 */
@Service
public class ReviewQueue {

	private final Listings listings;

	private final Reports reports;

	private final ListingManagement management;

	ReviewQueue(Listings listings, Reports reports, ListingManagement management) {
		this.listings = listings;
		this.reports = reports;
		this.management = management;
	}

	/**
	 * Builds the moderation queue.
	 * @param admin an administrator
	 * @return listings waiting for review (oldest change first) and listings with open reports (oldest report
	 * first), each with all its reports
	 */
	public Queue queue(Actor admin) {
		ListingAccess.requireAdmin(admin);
		List<Listing> pending = this.listings.inStatus(ListingStatus.PENDING_REVIEW);
		Set<String> reportedIds = new LinkedHashSet<>();
		this.reports.open().forEach((report) -> reportedIds.add(report.listingId()));
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
		return new Queue(waiting, reported);
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
	 * The moderation queue.
	 *
	 * @param pendingReview listings waiting for review
	 * @param reported listings with open reports
	 */
	public record Queue(List<Case> pendingReview, List<Case> reported) {
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
