package org.mutualis.identity.organisation;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;

/**
 * What an organisation says about itself.
 *
 * @param name its name
 * @param legalForm its legal form
 * @param sector its sector of activity, free text
 * @param region the administrative region, e.g. Montérégie-Ouest
 * @param mrc the regional county municipality (MRC)
 * @param municipality the municipality
 * @param contactEmail the contact e-mail address
 * @param contactPhone the contact phone number, if any
 * @param preferredLanguage the language it is written to in
 */
public record OrganisationProfile(String name, LegalForm legalForm, String sector, String region, String mrc,
		String municipality, String contactEmail, @Nullable String contactPhone, Language preferredLanguage) {
}
