/** Events between services: CloudEvents envelope, transactional outbox and its relay, idempotent consumption. */
@NullMarked
package org.mutualis.platform.events;

import org.jspecify.annotations.NullMarked;
