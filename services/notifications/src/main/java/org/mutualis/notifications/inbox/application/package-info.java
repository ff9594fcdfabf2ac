/** Turns facts into notifications (rendered in the recipient's language, stored once, pushed live, mailed) and answers inbox queries. */
@NullMarked
package org.mutualis.notifications.inbox.application;

import org.jspecify.annotations.NullMarked;
