package org.mutualis.identity.organisation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.LegalForm;

/** Request bodies of the organisation endpoints; unknown fields such as {@code status} are refused. */
final class OrganisationRequests {

	private OrganisationRequests() {
	}

	/** Registration of an organisation and its first manager. */
	record RegistrationRequest(@NotBlank @Size(max = 200) String name, @NotNull LegalForm legalForm,
			@NotBlank @Size(max = 100) String sector, @NotBlank String mrc, @NotBlank @Size(max = 100) String municipality,
			@NotBlank @Email @Size(max = 254) String contactEmail, @Nullable @Size(max = 40) String contactPhone,
			@NotNull Language preferredLanguage, @NotNull @Valid ManagerRequest manager) {
	}

	/** The first manager of a registering organisation. */
	record ManagerRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String displayName,
			@NotBlank String password, @Nullable Language preferredLanguage) {
	}

	/** The reason of a rejection or a suspension. */
	record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
	}

}
