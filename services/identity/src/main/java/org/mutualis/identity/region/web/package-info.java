/** Adapter of the region feature: web. */
@NullMarked
package org.mutualis.identity.region.web;

import org.jspecify.annotations.NullMarked;
