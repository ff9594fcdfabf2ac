package org.mutualis.listings.report.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportOutcome;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.Reports;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Members report listings; administrators read open reports and resolve them. */
@Service
public class ReportHandling {

	private final Reports reports;

	private final ListingManagement listings;

	private final Clock clock;

	private final ListingsProperties properties;

	ReportHandling(Reports reports, ListingManagement listings, Clock clock, ListingsProperties properties) {
		this.properties = properties;
		this.reports = reports;
		this.listings = listings;
		this.clock = clock;
	}

	/**
	 * Reports a listing the member can see: once while their report is open ({@code 409 report-already-open}),
	 * and a limited number of times a day per organisation ({@code 429 too-many-reports}).
	 * @param actor a member or manager acting for an organisation
	 * @param listingId the listing
	 * @param reason reason
	 * @param details free text
	 * @return the report
	 */
	public Report report(Actor actor, String listingId, ReportReason reason, @Nullable String details) {
		if (actor.organisationId() == null || !actor.actsFor(actor.organisationId())) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
		}
		Listing listing = this.listings.read(actor, listingId);
		if (listing.ownerOrganisationId().equals(actor.organisationId())) {
			// an organisation edits, or archives its own listing: it does not report it
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "own-listing-report");
		}
		details = (details == null || details.isBlank()) ? null : details.strip();
		Report report = Report.file(UUID.randomUUID().toString(), listingId, listing.details().title(),
				listing.ownerOrganisationId(), actor.personId(), actor.organisationId(), reason, details,
				this.clock.instant());
		int perDay = this.properties.limits().reportsPerOrganisationPerDay();
		return switch (this.reports.add(report, perDay)) {
			case ADMITTED -> report;
			case ALREADY_OPEN -> throw Refusal.of(Refusal.Reason.CONFLICT, "report-already-open");
			case DAILY_LIMIT_REACHED -> throw Refusal.of(Refusal.Reason.TOO_MANY, "too-many-reports", perDay);
		};
	}

	/**
	 * Resolves an open report.
	 * @param admin an administrator
	 * @param reportId the report
	 * @param outcome what came of it
	 * @param note note
	 * @return the resolved report
	 */
	public Report resolve(Actor admin, String reportId, ReportOutcome outcome, @Nullable String note) {
		ListingAccess.requireAdmin(admin);
		Report report = this.reports.find(reportId)
			.orElseThrow(() -> Refusal.of(Refusal.Reason.NOT_FOUND, "report-not-found"));
		report.resolve(admin.personId(), outcome, note, this.clock.instant());
		if (!this.reports.resolve(report)) {
			throw Refusal.of(Refusal.Reason.CONFLICT, "report-already-resolved");
		}
		return report;
	}

	/**
	 * Lists every report about a listing.
	 * @param admin an administrator
	 * @param listingId the listing
	 * @return its reports
	 */
	public List<Report> about(Actor admin, String listingId) {
		ListingAccess.requireAdmin(admin);
		return this.reports.about(listingId);
	}

}
