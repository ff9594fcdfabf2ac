/** Bearer-token validation for {@code /api/**} and the answers given when it fails. */
@NullMarked
package org.mutualis.gateway.security;

import org.jspecify.annotations.NullMarked;
