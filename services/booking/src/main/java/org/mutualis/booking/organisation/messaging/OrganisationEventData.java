package org.mutualis.booking.organisation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Booking's own copy of the {@code data} of identity's organisation events ({@code mutualis.organisation.*.v1}): the
 * fields booking uses, all but the id optional, since only {@code registered} carries sector and language; other
 * fields are ignored.
 *
 * @param organisationId the organisation
 * @param name its name
 * @param sector its sector
 * @param mrc its MRC
 * @param preferredLanguage {@code fr} or {@code en}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrganisationEventData(@Nullable String organisationId, @Nullable String name, @Nullable String sector,
		@Nullable String mrc, @Nullable String preferredLanguage) {
}
