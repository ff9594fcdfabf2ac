/** Typed configuration of the listings service. */
@NullMarked
package org.mutualis.listings.config;

import org.jspecify.annotations.NullMarked;
