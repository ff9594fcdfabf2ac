/** Keeps this instance's search index in step with saved listings and answers searches with the listings found. */
@NullMarked
package org.mutualis.listings.search.application;

import org.jspecify.annotations.NullMarked;
