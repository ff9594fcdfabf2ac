/** Search of published listings: an embedded Lucene index kept as a read model of the listings collection. */
@NullMarked
package org.mutualis.listings.search;

import org.jspecify.annotations.NullMarked;
