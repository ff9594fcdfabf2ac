/** E-mail plumbing: the stored queue of outgoing mail, sending over SMTP or into a folder, retries with backoff. */
@NullMarked
package org.mutualis.notifications.mail;

import org.jspecify.annotations.NullMarked;
