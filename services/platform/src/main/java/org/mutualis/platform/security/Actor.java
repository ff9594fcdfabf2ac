package org.mutualis.platform.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The person making a request and the organisation they act for, as the access token states them.
 *
 * @param personId the token's {@code sub}
 * @param organisationId the acting organisation (claim {@code org}); {@code null} for a person acting for none
 * @param roles roles held in that organisation plus platform roles: {@code MEMBER}, {@code MANAGER}, {@code ADMIN}
 */
public record Actor(String personId, @Nullable String organisationId, Set<String> roles) {

	/** A member of an organisation. */
	public static final String MEMBER = "MEMBER";

	/** A manager of an organisation. */
	public static final String MANAGER = "MANAGER";

	/** An administrator of the platform. */
	public static final String ADMIN = "ADMIN";

	/** @return whether the actor administers the platform */
	public boolean isAdmin() {
		return this.roles.contains(ADMIN);
	}

	/**
	 * Tells whether the actor acts for an organisation, as member or manager.
	 * @param organisation organisation id
	 * @return whether the actor acts for it
	 */
	public boolean actsFor(String organisation) {
		return organisation.equals(this.organisationId) && (this.roles.contains(MEMBER) || this.roles.contains(MANAGER));
	}

	/**
	 * Tells whether the actor manages an organisation.
	 * @param organisation organisation id
	 * @return whether the actor is a manager acting for it
	 */
	public boolean manages(String organisation) {
		return organisation.equals(this.organisationId) && this.roles.contains(MANAGER);
	}

}
