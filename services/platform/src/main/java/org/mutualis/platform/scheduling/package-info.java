/** Scheduled jobs that run once per tick across all instances of a service (ShedLock on the service's MongoDB). */
@NullMarked
package org.mutualis.platform.scheduling;

import org.jspecify.annotations.NullMarked;
