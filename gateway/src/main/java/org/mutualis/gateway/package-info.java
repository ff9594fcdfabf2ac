/** The Mutualis gateway: the one door every browser and API client comes through. */
@NullMarked
package org.mutualis.gateway;

import org.jspecify.annotations.NullMarked;
