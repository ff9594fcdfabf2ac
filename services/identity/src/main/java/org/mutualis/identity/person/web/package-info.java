/** Password reset over the HTTP API and the pages behind the e-mailed reset link. */
@NullMarked
package org.mutualis.identity.person.web;

import org.jspecify.annotations.NullMarked;
