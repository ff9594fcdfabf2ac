/** The sign-in page and the administrators' endpoint that rotates the signing key. */
@NullMarked
package org.mutualis.identity.token.web;

import org.jspecify.annotations.NullMarked;
