/** Adapter of the membership feature: persistence. */
@NullMarked
package org.mutualis.identity.membership.persistence;

import org.jspecify.annotations.NullMarked;
