package org.mutualis.listings.category;

import java.util.List;

/**
 * A category of the managed bilingual list listings are filed under.
 *
 * @param code stable code, e.g. {@code meeting-rooms}
 * @param nameFr name in French
 * @param nameEn name in English
 * @param kinds kinds of listing the category suits, for forms
 */
public record Category(String code, String nameFr, String nameEn, List<String> kinds) {
}
