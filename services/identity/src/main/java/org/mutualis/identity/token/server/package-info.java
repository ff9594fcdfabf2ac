/** Adapter of the token feature: server. */
@NullMarked
package org.mutualis.identity.token.server;

import org.jspecify.annotations.NullMarked;
