/** Storage of aggregates in MongoDB: state, version and outbox in one conditional single-document write. */
@NullMarked
package org.mutualis.platform.persistence;

import org.jspecify.annotations.NullMarked;
