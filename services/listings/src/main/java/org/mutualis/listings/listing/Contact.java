package org.mutualis.listings.listing;

import org.jspecify.annotations.Nullable;

/**
 * The person to reach about a listing; shown only to signed-in members.
 *
 * @param name full name
 * @param email e-mail address
 * @param phone telephone number
 */
public record Contact(String name, @Nullable String email, @Nullable String phone) {
}
