/**
 * The administrators' moderation desk — the review queue and single moderation cases, built from listings and
 * their reports — while the moderation transitions themselves belong to the listing's lifecycle.
 */
@NullMarked
package org.mutualis.listings.moderation;

import org.jspecify.annotations.NullMarked;
