package org.mutualis.identity.person;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.mutualis.identity.common.Emails;

/**
 * The e-mail addresses a deployment names as platform administrators: a person is granted administration once the
 * account at one of these addresses exists and its address is proven, never before (whoever registered the address
 * without owning it must not become an administrator). Leaving an address out revokes nothing.
 */
public final class DesignatedAdministrators {

	private final Set<String> addresses;

	private DesignatedAdministrators(Set<String> addresses) {
		this.addresses = addresses;
	}

	/**
	 * Names the administrators. Precondition: every non-blank entry is a valid e-mail address.
	 * @param addresses the addresses as configured; blank entries are ignored
	 * @return the designation
	 * @throws IllegalArgumentException naming an entry that is not an e-mail address, so that a mistyped setting
	 * stops the start instead of silently designating nobody
	 */
	public static DesignatedAdministrators of(Collection<String> addresses) {
		Set<String> normalized = new TreeSet<>();
		for (String address : addresses) {
			if (!address.isBlank()) {
				normalized.add(Emails.normalize(valid(address)));
			}
		}
		return new DesignatedAdministrators(Set.copyOf(normalized));
	}

	private static String valid(String address) {
		try {
			return Emails.requireValid(address, "administrators");
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not an e-mail address among the administrators: " + address.trim(), ex);
		}
	}

	/** @return the designated addresses, lower-cased */
	public Set<String> addresses() {
		return this.addresses;
	}

	/**
	 * Tells whether an address is designated, whoever holds it.
	 * @param email an address
	 * @return whether it is one of the designated addresses, ignoring case
	 */
	public boolean designates(String email) {
		return this.addresses.contains(Emails.normalize(email));
	}

	/**
	 * Grants administration to the person if their proven address is designated and they are not an administrator
	 * yet; otherwise changes nothing.
	 * @param person the person, about to be saved by the caller
	 * @param now the current time
	 * @return whether this recorded a grant
	 */
	public boolean grantIfDesignated(Person person, Instant now) {
		if (person.admin() || !person.emailVerified() || !designates(person.email())) {
			return false;
		}
		person.grantAdministration(now);
		return true;
	}

}
