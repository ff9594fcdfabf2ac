/** Stores people with their outbox, unique by lower-cased e-mail address, and names their events on the wire. */
@NullMarked
package org.mutualis.identity.person.persistence;

import org.jspecify.annotations.NullMarked;
