/** HTTP endpoint of the listing search, with its parameter checks. */
@NullMarked
package org.mutualis.listings.search.web;

import org.jspecify.annotations.NullMarked;
