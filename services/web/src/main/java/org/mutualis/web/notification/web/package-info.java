/**
 * The inbox, the live unread badge relayed from notifications' stream, the notification preferences, and the
 * e-mails' unsubscribe link (confirmed, then sent to notifications anonymously).
 */
@NullMarked
package org.mutualis.web.notification.web;

import org.jspecify.annotations.NullMarked;
