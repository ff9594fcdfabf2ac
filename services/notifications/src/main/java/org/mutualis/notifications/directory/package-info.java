/** What notifications knows of people, organisations, memberships and listings: read models fed by identity's and listings' events. */
@NullMarked
package org.mutualis.notifications.directory;

import org.jspecify.annotations.NullMarked;
