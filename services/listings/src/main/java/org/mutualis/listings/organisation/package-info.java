/** This service's read model of organisations and their standing, fed by identity's events. */
@NullMarked
package org.mutualis.listings.organisation;

import org.jspecify.annotations.NullMarked;
