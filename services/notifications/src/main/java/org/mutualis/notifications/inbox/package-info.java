/** Notifications: who is told what, each person's inbox, and the web paths notifications link to. */
@NullMarked
package org.mutualis.notifications.inbox;

import org.jspecify.annotations.NullMarked;
