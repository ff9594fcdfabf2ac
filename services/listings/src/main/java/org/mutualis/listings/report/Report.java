package org.mutualis.listings.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;

/**
 * A member's report about a listing, open until an administrator resolves it; filing and resolving it are the
 * facts {@link ListingReported} and {@link ReportResolved}, published from its own outbox.
 */
public final class Report extends AggregateRoot<ReportEvent> {

	private final ReportState state;

	private @Nullable Resolution resolution;

	private Report(ReportState state, long version) {
		super(version);
		this.state = state;
		this.resolution = state.resolution();
	}

	/**
	 * Files a new report about a listing, as it reads when reported.
	 * @param id report id
	 * @param listingId the listing reported
	 * @param listingTitle its title now
	 * @param ownerOrganisationId the organisation that owns it
	 * @param reporterId person who reports
	 * @param reporterOrganisationId organisation they act for
	 * @param reason reason from the list
	 * @param details free text
	 * @param now the current time
	 * @return the open report, with its {@link ListingReported} event pending
	 */
	public static Report file(String id, String listingId, Bilingual listingTitle, String ownerOrganisationId,
			String reporterId, String reporterOrganisationId, ReportReason reason, @Nullable String details,
			Instant now) {
		Report report = new Report(new ReportState(id, listingId, listingTitle, ownerOrganisationId, reporterId,
				reporterOrganisationId, reason, details, now, null), NEW);
		report.record(new ListingReported(id, listingId, listingTitle, ownerOrganisationId, reporterOrganisationId,
				reporterId, reason, details, now));
		return report;
	}

	/**
	 * Rebuilds a stored report.
	 * @param state its stored state
	 * @param version the stored version
	 * @return the report
	 */
	public static Report restore(ReportState state, long version) {
		return new Report(state, version);
	}

	/**
	 * Closes the report. Only an open report can be resolved.
	 * @param adminId the administrator
	 * @param outcome what came of it
	 * @param note the administrator's note
	 * @param now the current time
	 */
	public void resolve(String adminId, ReportOutcome outcome, @Nullable String note, Instant now) {
		if (!isOpen()) {
			throw Refusal.of(Refusal.Reason.CONFLICT, "report-already-resolved");
		}
		this.resolution = new Resolution(adminId, outcome, note, now);
		record(new ReportResolved(id(), listingId(), this.state.listingTitle(), this.state.ownerOrganisationId(),
				this.state.reporterOrganisationId(), reporterId(), reason(), outcome, note, adminId, now));
	}

	/** @return its state as stored */
	public ReportState state() {
		ReportState s = this.state;
		return new ReportState(s.id(), s.listingId(), s.listingTitle(), s.ownerOrganisationId(), s.reporterId(),
				s.reporterOrganisationId(), s.reason(), s.details(), s.reportedAt(), this.resolution);
	}

	@Override
	public String id() {
		return this.state.id();
	}

	/** @return the listing reported */
	public String listingId() {
		return this.state.listingId();
	}

	/** @return the listing's title when it was reported (absent for reports filed before titles were kept) */
	public @Nullable Bilingual listingTitle() {
		return this.state.listingTitle();
	}

	/** @return the listing's owner when it was reported (absent for reports filed before owners were kept) */
	public @Nullable String ownerOrganisationId() {
		return this.state.ownerOrganisationId();
	}

	/** @return the person who reported */
	public String reporterId() {
		return this.state.reporterId();
	}

	/** @return the organisation they acted for */
	public @Nullable String reporterOrganisationId() {
		return this.state.reporterOrganisationId();
	}

	/** @return the reason */
	public ReportReason reason() {
		return this.state.reason();
	}

	/** @return the reporter's text */
	public @Nullable String details() {
		return this.state.details();
	}

	/** @return when it was reported */
	public Instant reportedAt() {
		return this.state.reportedAt();
	}

	/** @return how it was closed; absent while open */
	public @Nullable Resolution resolution() {
		return this.resolution;
	}

	/** @return whether no administrator has resolved it yet */
	public boolean isOpen() {
		return this.resolution == null;
	}

	/**
	 * How a report was closed.
	 *
	 * @param adminId administrator
	 * @param outcome outcome
	 * @param note note
	 * @param resolvedAt when
	 */
	public record Resolution(String adminId, ReportOutcome outcome, @Nullable String note, Instant resolvedAt) {
	}

}
