/** Reads the regions and their MRCs from the regions collection, seeding Montérégie-Ouest at start-up when absent. */
@NullMarked
package org.mutualis.identity.region.persistence;

import org.jspecify.annotations.NullMarked;
