/** The regions and regional county municipalities (MRC) the platform serves. */
@NullMarked
package org.mutualis.identity.region;

import org.jspecify.annotations.NullMarked;
