package org.mutualis.identity.organisation;

/** The legal form of a social-economy organisation. */
public enum LegalForm {

	/** A non-profit organisation (OBNL). */
	NON_PROFIT,
	/** A cooperative. */
	COOPERATIVE,
	/** A social enterprise with another legal form. */
	SOCIAL_ENTERPRISE,
	/** Any other form the regional hub accepts. */
	OTHER

}
