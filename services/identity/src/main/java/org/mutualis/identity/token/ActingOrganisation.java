package org.mutualis.identity.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.organisation.Member;
import org.mutualis.identity.organisation.Organisation;

/**
 * Decides which organisation a token speaks for and with which roles: the one the person asked for if they belong
 * to it, otherwise the first organisation they joined; platform administrators also get {@code ADMIN}.
 * The organisation's approval status does not matter here: the services refuse what a non-approved organisation
 * may not do.
 */
public final class ActingOrganisation {

	/** The platform administrator role. */
	public static final String ADMIN = "ADMIN";

	private ActingOrganisation() {
	}

	/**
	 * Chooses.
	 * @param personId the person
	 * @param admin whether they administer the platform
	 * @param memberships the organisations they belong to
	 * @param requested the organisation asked for, if any
	 * @return the organisation and roles, or empty when the person does not belong to the one asked for
	 */
	public static Optional<Choice> choose(String personId, boolean admin, List<Organisation> memberships,
			@Nullable String requested) {
		Optional<Organisation> acting;
		if (requested != null && !requested.isBlank()) {
			acting = memberships.stream().filter((o) -> o.id().equals(requested)).findFirst();
			if (acting.isEmpty()) {
				return Optional.empty();
			}
		}
		else {
			acting = memberships.stream().min(Comparator.comparing((Organisation o) -> joinedAt(o, personId)));
		}
		List<String> roles = new ArrayList<>();
		String organisationId = null;
		if (acting.isPresent()) {
			organisationId = acting.get().id();
			acting.get().roleOf(personId).ifPresent((role) -> roles.add(role.name()));
		}
		if (admin) {
			roles.add(ADMIN);
		}
		return Optional.of(new Choice(organisationId, List.copyOf(roles)));
	}

	private static Instant joinedAt(Organisation organisation, String personId) {
		return organisation.members().stream()
			.filter((m) -> m.personId().equals(personId))
			.map(Member::joinedAt)
			.findFirst()
			.orElse(Instant.MAX);
	}

	/**
	 * What a token says about the organisation.
	 *
	 * @param organisationId the acting organisation, none for a person without any
	 * @param roles roles in it, plus platform roles
	 */
	public record Choice(@Nullable String organisationId, List<String> roles) {
	}

}
