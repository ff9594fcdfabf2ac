package org.mutualis.platform.test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * The six callers of the authorisation matrices: anonymous, a member and a manager of organisation A, the same
 * of organisation B, and a platform administrator. Each yields a MockMvc post-processor carrying the claims a
 * real access token carries ({@code sub}, {@code org}, {@code roles}).
 */
public enum TestActors {

	/** No token at all. */
	ANONYMOUS(null, null),
	/** A member of organisation A. */
	MEMBER_A(TestActors.ORG_A, "MEMBER"),
	/** A manager of organisation A. */
	MANAGER_A(TestActors.ORG_A, "MANAGER"),
	/** A member of organisation B. */
	MEMBER_B(TestActors.ORG_B, "MEMBER"),
	/** A manager of organisation B. */
	MANAGER_B(TestActors.ORG_B, "MANAGER"),
	/** A platform administrator, acting for no organisation. */
	ADMIN(null, "ADMIN");

	/** Id of organisation A in matrix tests. */
	public static final String ORG_A = "aaaaaaaa-0000-4000-8000-00000000000a";

	/** Id of organisation B in matrix tests. */
	public static final String ORG_B = "bbbbbbbb-0000-4000-8000-00000000000b";

	private final String organisation;

	private final String role;

	TestActors(String organisation, String role) {
		this.organisation = organisation;
		this.role = role;
	}

	/** @return the person id ({@code sub}) of this actor */
	public String personId() {
		return "person-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** @return the organisation this actor acts for, if any */
	public Optional<String> organisation() {
		return Optional.ofNullable(this.organisation);
	}

	/**
	 * Post-processor that authenticates a MockMvc request as this actor.
	 * @return the post-processor; a no-op for {@link #ANONYMOUS}
	 */
	public RequestPostProcessor token() {
		if (this == ANONYMOUS) {
			return (request) -> request;
		}
		return jwt().jwt((builder) -> {
			builder.subject(personId()).claim("roles", List.of(this.role)).audience(List.of("mutualis-api"));
			if (this.organisation != null) {
				builder.claim("org", this.organisation);
			}
		}).authorities(new SimpleGrantedAuthority("ROLE_" + this.role));
	}

	/**
	 * Builds an expectation row for every actor from a function.
	 * @param expected status expected for each actor
	 * @return actor to expected HTTP status
	 */
	public static Map<TestActors, Integer> expect(Function<TestActors, Integer> expected) {
		Map<TestActors, Integer> row = new java.util.EnumMap<>(TestActors.class);
		for (TestActors actor : values()) {
			row.put(actor, expected.apply(actor));
		}
		return row;
	}

}
