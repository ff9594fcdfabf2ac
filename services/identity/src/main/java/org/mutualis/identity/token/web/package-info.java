/** Adapter of the token feature: web. */
@NullMarked
package org.mutualis.identity.token.web;

import org.jspecify.annotations.NullMarked;
