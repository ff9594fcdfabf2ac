/**
 * The Spring Authorization Server: security chains, clients, the sign-in provider, the claims of access tokens and
 * the persistent signing keys.
 */
@NullMarked
package org.mutualis.identity.token.server;

import org.jspecify.annotations.NullMarked;
