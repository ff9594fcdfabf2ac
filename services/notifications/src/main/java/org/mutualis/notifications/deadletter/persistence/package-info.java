/** Dead letters in MongoDB, one document per dead-letter record. */
@NullMarked
package org.mutualis.notifications.deadletter.persistence;

import org.jspecify.annotations.NullMarked;
