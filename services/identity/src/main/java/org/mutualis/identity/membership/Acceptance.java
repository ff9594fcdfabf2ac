package org.mutualis.identity.membership;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;

/**
 * What a person submits to accept an invitation; a newcomer (or whoever claims an account nobody proved the
 * address of) also chooses a name and a password.
 *
 * @param secret the secret from the link
 * @param displayName name, required when the address has no account yet
 * @param password password, required when the address has no account yet
 * @param preferredLanguage language of a new account
 * @param signedInAs the person who accepts, when signed in; an address that has a proven account is accepted only
 * by that account
 */
public record Acceptance(String secret, @Nullable String displayName, @Nullable String password,
		@Nullable Language preferredLanguage, @Nullable String signedInAs) {
}
