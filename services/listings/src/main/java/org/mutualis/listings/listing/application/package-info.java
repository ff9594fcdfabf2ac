/**
 * Application services of the listing's lifecycle: managers create, edit, submit and archive, administrators
 * moderate; each loads the listing, calls the aggregate and saves it, telling the search index.
 */
@NullMarked
package org.mutualis.listings.listing.application;

import org.jspecify.annotations.NullMarked;
