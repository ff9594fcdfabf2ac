/**
 * Invitations to join an organisation: the single-use Invitation aggregate, accepted first for a person and used
 * up once that person joined.
 */
@NullMarked
package org.mutualis.identity.membership;

import org.jspecify.annotations.NullMarked;
