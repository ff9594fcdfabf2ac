/** Resource-server security: who is acting, for which organisation, with which roles. */
@NullMarked
package org.mutualis.platform.security;

import org.jspecify.annotations.NullMarked;
