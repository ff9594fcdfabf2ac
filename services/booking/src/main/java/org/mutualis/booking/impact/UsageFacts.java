package org.mutualis.booking.impact;

import java.time.YearMonth;
import java.util.List;

/** The facts behind the impact figures, one per completed booking. */
public interface UsageFacts {

	/**
	 * Records a fact unless its booking already has one.
	 * @param fact the fact
	 * @return whether it was recorded now
	 */
	boolean record(UsageFact fact);

	/**
	 * The facts of the months from one to another, both included.
	 * @param from first month
	 * @param to last month
	 * @return the facts
	 */
	List<UsageFact> between(YearMonth from, YearMonth to);

}
