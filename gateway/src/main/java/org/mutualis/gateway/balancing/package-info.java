/** Balancing each route over the instances of its service, and retrying a call on another instance when that is safe. */
@NullMarked
package org.mutualis.gateway.balancing;

import org.jspecify.annotations.NullMarked;
