/** Demonstration listings and their drawn pictures, loaded only when {@code mutualis.demo.enabled=true}. */
@NullMarked
package org.mutualis.listings.demo;

import org.jspecify.annotations.NullMarked;
