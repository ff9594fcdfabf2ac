/** What booking knows of organisations: its own read model, fed by identity's events. */
@NullMarked
package org.mutualis.booking.organisation;

import org.jspecify.annotations.NullMarked;
