package org.mutualis.listings.category;

import org.mutualis.listings.listing.Bilingual;

/**
 * A category of the managed bilingual list listings are filed under.
 *
 * @param code stable code, e.g. {@code meeting-rooms}
 * @param name name in French and English
 * @param kinds kinds of listing the category suits, for forms
 */
public record Category(String code, Bilingual name, java.util.List<String> kinds) {
}
