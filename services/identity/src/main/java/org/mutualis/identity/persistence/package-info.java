/** Storage shared by the features: aggregate state and its outbox in one document write. */
@NullMarked
package org.mutualis.identity.persistence;

import org.jspecify.annotations.NullMarked;
