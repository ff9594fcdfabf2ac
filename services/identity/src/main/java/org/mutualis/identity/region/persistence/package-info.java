/** Adapter of the region feature: persistence. */
@NullMarked
package org.mutualis.identity.region.persistence;

import org.jspecify.annotations.NullMarked;
