/** The one-command local stack: Kafka, the MongoDB-compatible store and every service as child processes. */
@NullMarked
package org.mutualis.local;

import org.jspecify.annotations.NullMarked;
