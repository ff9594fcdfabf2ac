package org.mutualis.booking.calendar.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.calendar.CalendarEntries;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.booking.calendar.CalendarFeed;
import org.mutualis.booking.calendar.CalendarFeeds;
import org.mutualis.booking.calendar.FeedScope;
import org.mutualis.booking.calendar.FeedToken;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Creates, rotates, revokes and opens calendar feeds; only an organisation's managers handle its feeds. */
@Service
public class FeedManagement {

	/** How far back a feed reaches: bookings that ended longer ago are left out. */
	public static final Duration HISTORY = Duration.ofDays(180);

	/** Most events one feed carries (earliest first), so that a feed stays a reasonable download. */
	public static final int MAX_EVENTS = 2000;

	private final CalendarFeeds feeds;

	private final CalendarEntries entries;

	private final Clock clock;

	FeedManagement(CalendarFeeds feeds, CalendarEntries entries, Clock clock) {
		this.feeds = feeds;
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Creates a feed of the acting organisation. Precondition: the actor manages it.
	 * @param actor the manager
	 * @param scope what the feed shows
	 * @param listingId the listing, required for a listing feed
	 * @param language {@code fr} or {@code en}; French when absent
	 * @return the feed with its token, which is shown only now
	 */
	public IssuedFeed create(Actor actor, FeedScope scope, @Nullable String listingId, @Nullable String language) {
		String organisation = requireManager(actor);
		String lang = (language == null) ? "fr" : language;
		if (!"fr".equals(lang) && !"en".equals(lang)) {
			throw Refusal.invalidField("feed-language-unsupported", "language");
		}
		if (scope == FeedScope.LISTING) {
			if (listingId == null || listingId.isBlank()) {
				throw Refusal.invalidField("feed-listing-required", "listingId");
			}
			// a listing whose bookings show another owner is not this organisation's; an unknown one may simply
			// have no booking yet, and its feed only ever shows bookings owned by this organisation
			if (this.entries.ownerOfListing(listingId).filter((owner) -> !owner.equals(organisation)).isPresent()) {
				throw Refusal.of(Refusal.Reason.NOT_FOUND, "feed-listing-not-found");
			}
		}
		String token = FeedToken.generate();
		Instant now = this.clock.instant();
		CalendarFeed feed = new CalendarFeed(UUID.randomUUID().toString(), organisation, scope,
				(scope == FeedScope.LISTING) ? listingId : null, lang, FeedToken.hash(token), actor.personId(), now, now);
		this.feeds.add(feed);
		return new IssuedFeed(feed, token);
	}

	/**
	 * Gives a feed a new token; the old address stops working at once. Precondition: the actor manages its organisation.
	 * @param actor the manager
	 * @param feedId the feed
	 * @return the feed with its new token
	 */
	public IssuedFeed rotate(Actor actor, String feedId) {
		String organisation = requireManager(actor);
		CalendarFeed feed = this.feeds.find(feedId, organisation).orElseThrow(FeedManagement::feedNotFound);
		String token = FeedToken.generate();
		CalendarFeed rotated = new CalendarFeed(feed.id(), feed.organisationId(), feed.scope(), feed.listingId(),
				feed.language(), FeedToken.hash(token), feed.createdBy(), feed.createdAt(), this.clock.instant());
		if (!this.feeds.replaceToken(rotated)) {
			throw feedNotFound();
		}
		return new IssuedFeed(rotated, token);
	}

	/**
	 * Revokes a feed: its address answers 404 from now on. Precondition: the actor manages its organisation.
	 * @param actor the manager
	 * @param feedId the feed
	 */
	public void revoke(Actor actor, String feedId) {
		if (!this.feeds.remove(feedId, requireManager(actor))) {
			throw feedNotFound();
		}
	}

	/**
	 * Lists the acting organisation's feeds (without their tokens). Precondition: the actor manages it.
	 * @param actor the manager
	 * @return the feeds
	 */
	public List<CalendarFeed> list(Actor actor) {
		return this.feeds.ofOrganisation(requireManager(actor));
	}

	/**
	 * Opens a feed by its token, as an anonymous calendar app does.
	 * @param token the token from the address
	 * @return the feed and the bookings it shows
	 */
	public FeedContents open(String token) {
		if (!FeedToken.looksLikeAToken(token)) {
			throw feedNotFound();
		}
		CalendarFeed feed = this.feeds.findByTokenHash(FeedToken.hash(token)).orElseThrow(FeedManagement::feedNotFound);
		Instant since = this.clock.instant().minus(HISTORY);
		List<CalendarEntry> shown = switch (feed.scope()) {
			case ORGANISATION -> this.entries.ofOrganisation(feed.organisationId(), since, MAX_EVENTS);
			case LISTING -> this.entries.ofListing(java.util.Objects.requireNonNull(feed.listingId()),
					feed.organisationId(), since, MAX_EVENTS);
		};
		return new FeedContents(feed, shown);
	}

	private static String requireManager(Actor actor) {
		String organisation = actor.organisationId();
		if (organisation == null || !actor.manages(organisation)) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "feed-manager-required");
		}
		return organisation;
	}

	private static Refusal feedNotFound() {
		return Refusal.of(Refusal.Reason.NOT_FOUND, "feed-not-found");
	}

	/**
	 * A feed with the token that opens it, returned only when the token is made.
	 * @param feed the feed
	 * @param token the secret of its address
	 */
	public record IssuedFeed(CalendarFeed feed, String token) {
	}

	/**
	 * What a feed shows.
	 * @param feed the feed
	 * @param entries its bookings, earliest first
	 */
	public record FeedContents(CalendarFeed feed, List<CalendarEntry> entries) {
	}

}
