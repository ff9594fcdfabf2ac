package org.mutualis.identity.organisation;

/** The role a person holds in an organisation. */
public enum MembershipRole {

	/** Searches and books on behalf of the organisation. */
	MEMBER,
	/** Everything a member does, plus publishing listings, answering requests and managing members. */
	MANAGER

}
