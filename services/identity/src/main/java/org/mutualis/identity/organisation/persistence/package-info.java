/** Stores each organisation, its members and its outbox in one document, and names its events on the wire. */
@NullMarked
package org.mutualis.identity.organisation.persistence;

import org.jspecify.annotations.NullMarked;
