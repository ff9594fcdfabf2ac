/** Events no consumer could process: kept with their error, listed to administrators and replayed after a fix. */
@NullMarked
package org.mutualis.notifications.deadletter;

import org.jspecify.annotations.NullMarked;
