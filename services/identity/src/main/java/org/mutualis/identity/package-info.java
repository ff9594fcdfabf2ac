/** The identity service: organisations, people, memberships and roles; issues the access tokens. */
@NullMarked
package org.mutualis.identity;

import org.jspecify.annotations.NullMarked;
