package org.mutualis.identity.organisation;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;

/**
 * What a person submits to register their organisation and become its first manager.
 *
 * @param name organisation name
 * @param legalForm legal form
 * @param sector sector of activity
 * @param mrc the MRC, one of those the platform serves
 * @param municipality municipality
 * @param contactEmail the organisation's contact address
 * @param contactPhone the organisation's phone, if any
 * @param preferredLanguage the organisation's language
 * @param managerEmail the first manager's e-mail address
 * @param managerDisplayName the first manager's name
 * @param managerPassword the first manager's password
 * @param managerLanguage the first manager's language
 */
public record Registration(String name, LegalForm legalForm, String sector, String mrc, String municipality,
		String contactEmail, @Nullable String contactPhone, Language preferredLanguage, String managerEmail,
		String managerDisplayName, String managerPassword, Language managerLanguage) {
}
