package org.mutualis.booking.impact.application;

import org.mutualis.booking.impact.ImpactReport;
import org.mutualis.booking.impact.Period;
import org.mutualis.booking.impact.UsageFacts;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Gives the regional hub's administrators the impact figures of a period. */
@Service
public class ImpactReporting {

	private final UsageFacts facts;

	ImpactReporting(UsageFacts facts) {
		this.facts = facts;
	}

	/**
	 * The figures of the months from one to another. Precondition: the actor administers the platform.
	 * @param actor the caller
	 * @param from first month, {@code yyyy-MM}
	 * @param to last month, {@code yyyy-MM}
	 * @return the report
	 */
	public ImpactReport report(Actor actor, String from, String to) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "impact-admin-required");
		}
		Period period = Period.parse(from, to);
		return ImpactReport.of(period, this.facts.between(period.from(), period.to()));
	}

}
