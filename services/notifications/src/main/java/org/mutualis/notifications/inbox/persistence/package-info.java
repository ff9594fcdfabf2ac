/** The inbox in MongoDB: one document per notification, keyed by event and recipient, numbered per person. */
@NullMarked
package org.mutualis.notifications.inbox.persistence;

import org.jspecify.annotations.NullMarked;
