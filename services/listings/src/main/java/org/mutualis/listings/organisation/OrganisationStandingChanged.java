package org.mutualis.listings.organisation;

/**
 * Told inside this service when the organisation read model learns that an organisation fell out of good standing
 * (suspended or rejected by the regional pôle) or came back to it, so that its listings are hidden or shown again.
 *
 * @param organisationId the organisation
 * @param inGoodStanding whether its published listings may be shown to everyone
 */
public record OrganisationStandingChanged(String organisationId, boolean inGoodStanding) {
}
