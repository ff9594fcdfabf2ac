/** The inbox, the live unread badge relayed from notifications' stream, and the notification preferences. */
@NullMarked
package org.mutualis.web.notification.web;

import org.jspecify.annotations.NullMarked;
