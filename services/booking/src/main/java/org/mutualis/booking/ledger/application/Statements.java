package org.mutualis.booking.ledger.application;

import java.time.YearMonth;

import org.mutualis.booking.ledger.Ledger;
import org.mutualis.booking.ledger.Statement;
import org.mutualis.booking.ledger.StatementMonth;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Gives the members of an organisation its monthly ledger statement. */
@Service
public class Statements {

	private final Ledger ledger;

	Statements(Ledger ledger) {
		this.ledger = ledger;
	}

	/**
	 * The acting organisation's statement of a month. Precondition: the actor is a member or manager acting for it.
	 * @param actor the caller
	 * @param month {@code yyyy-MM}
	 * @return the statement
	 */
	public Statement of(Actor actor, String month) {
		String organisation = actor.organisationId();
		if (organisation == null || !actor.actsFor(organisation)) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "ledger-organisation-required");
		}
		YearMonth statementMonth = StatementMonth.parse(month, "month");
		return Statement.of(organisation, statementMonth, this.ledger.of(organisation, statementMonth));
	}

}
