/** Builds the moderation queue and cases with a fixed number of batched reads. */
@NullMarked
package org.mutualis.listings.moderation.application;

import org.jspecify.annotations.NullMarked;
