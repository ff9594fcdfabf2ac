/** Notifications' side of the platform's mail queue: its e-mails with digests and batches, and the digest job. */
@NullMarked
package org.mutualis.notifications.mail;

import org.jspecify.annotations.NullMarked;
