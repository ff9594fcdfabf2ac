/** The managed bilingual list of categories listings are filed under. */
@NullMarked
package org.mutualis.listings.category;

import org.jspecify.annotations.NullMarked;
