package org.mutualis.identity.person;

import java.util.Collection;
import java.util.Map;

import org.mutualis.identity.person.SignInThrottle.Failures;

/** Failed sign-ins counted per key, shared by every instance of the service. */
public interface SignInFailures {

	/**
	 * Reads counts.
	 * @param keys the keys
	 * @return the count of each key that has one
	 */
	Map<String, Failures> of(Collection<String> keys);

	/**
	 * Counts one more failure under each key, atomically per key.
	 * @param keys the keys
	 * @param now the current time
	 */
	void recordFailure(Collection<String> keys, java.time.Instant now);

	/**
	 * Forgets the failures of a key.
	 * @param key the key
	 */
	void forget(String key);

}
