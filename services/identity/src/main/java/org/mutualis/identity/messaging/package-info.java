/** What identity publishes on Kafka, through the outbox. */
@NullMarked
package org.mutualis.identity.messaging;

import org.jspecify.annotations.NullMarked;
