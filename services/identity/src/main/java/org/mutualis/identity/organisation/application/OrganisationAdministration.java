package org.mutualis.identity.organisation.application;

import java.time.Clock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Page;
import org.mutualis.identity.common.Paging;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** What the regional hub's administrators do with organisations: list, approve, reject, suspend, reactivate. */
@Service
public class OrganisationAdministration {

	private final Organisations organisations;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param organisations organisation store
	 * @param clock the clock
	 */
	public OrganisationAdministration(Organisations organisations, Clock clock) {
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * Lists organisations. Precondition: the actor is an administrator.
	 * @param actor who asks
	 * @param status only this status, or all
	 * @param paging which page
	 * @return the page of organisations
	 */
	public Page<Organisation> list(Actor actor, @Nullable OrganisationStatus status, Paging paging) {
		requireAdmin(actor);
		return this.organisations.list(status, paging);
	}

	/**
	 * Approves an organisation; its managers learn it from notifications, which reads the event.
	 * @param actor an administrator
	 * @param id the organisation
	 * @return the organisation
	 */
	public Organisation approve(Actor actor, String id) {
		return change(actor, id, (o) -> o.approve(this.clock.instant()));
	}

	/**
	 * Rejects an organisation; its managers learn why from notifications, which reads the event.
	 * @param actor an administrator
	 * @param id the organisation
	 * @param reason why
	 * @return the organisation
	 */
	public Organisation reject(Actor actor, String id, String reason) {
		return change(actor, id, (o) -> o.reject(reason, this.clock.instant()));
	}

	/**
	 * Suspends an organisation.
	 * @param actor an administrator
	 * @param id the organisation
	 * @param reason why
	 * @return the organisation
	 */
	public Organisation suspend(Actor actor, String id, String reason) {
		return change(actor, id, (o) -> o.suspend(reason, this.clock.instant()));
	}

	/**
	 * Reactivates an organisation.
	 * @param actor an administrator
	 * @param id the organisation
	 * @return the organisation
	 */
	public Organisation reactivate(Actor actor, String id) {
		return change(actor, id, (o) -> o.reactivate(this.clock.instant()));
	}

	private Organisation change(Actor actor, String id, Consumer<Organisation> transition) {
		requireAdmin(actor);
		Organisation organisation = this.organisations.find(id)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "organisation-not-found"));
		transition.accept(organisation);
		this.organisations.save(organisation);
		return organisation;
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Reason.FORBIDDEN, "admin-only");
		}
	}

}
