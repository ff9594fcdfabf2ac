package org.mutualis.web.web;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * For which organisation and in which role the signed-in person acts, as their current access token says (identity's
 * {@code org} and {@code roles} claims). Roles are per organisation: acting for another organisation gives another
 * token, with the role held there.
 *
 * @param organisation the organisation they act for, or {@code null} (a visitor, or an administrator acting for none)
 * @param roles their roles: {@code MEMBER} or {@code MANAGER} in that organisation, {@code ADMIN} for platform
 * administrators
 */
public record Acting(@Nullable String organisation, List<String> roles) {

	/** A visitor, or a token that cannot be read: no organisation, no role. */
	public static final Acting NOBODY = new Acting(null, List.of());

	/**
	 * Reads the person's access token.
	 * @param token their access token ({@link ServiceCalls#token()}), or {@code null} for a visitor
	 * @return where they act
	 */
	public static Acting of(@Nullable String token) {
		if (token == null) {
			return NOBODY;
		}
		try {
			JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
			List<String> roles = claims.getStringListClaim("roles");
			return new Acting(claims.getStringClaim("org"),
					(roles != null) ? roles.stream().filter(Objects::nonNull).toList() : List.of());
		}
		catch (ParseException ex) {
			// received from identity over the back channel; an unreadable token grants nothing here
			return NOBODY;
		}
	}

	/** @return whether they manage the organisation they act for */
	public boolean manager() {
		return this.organisation != null && this.roles.contains("MANAGER");
	}

	/** @return whether they administer the platform */
	public boolean admin() {
		return this.roles.contains("ADMIN");
	}

}
