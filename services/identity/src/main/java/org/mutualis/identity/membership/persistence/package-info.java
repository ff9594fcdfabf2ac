/** Stores invitations, found by the hash of their secret, through the platform's aggregate store. */
@NullMarked
package org.mutualis.identity.membership.persistence;

import org.jspecify.annotations.NullMarked;
