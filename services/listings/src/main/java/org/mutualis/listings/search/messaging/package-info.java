/** Reads the service's own listing events so that changes made through other instances reach this instance's index. */
@NullMarked
package org.mutualis.listings.search.messaging;

import org.jspecify.annotations.NullMarked;
