/** Memberships: inviting people into an organisation, changing their roles, removing them. */
@NullMarked
package org.mutualis.identity.membership;

import org.jspecify.annotations.NullMarked;
