/** The notifications service: inboxes, e-mail, live push, reminders and conversations. */
@NullMarked
package org.mutualis.notifications;

import org.jspecify.annotations.NullMarked;
