/** Organisations, their approval lifecycle and their members. */
@NullMarked
package org.mutualis.identity.organisation;

import org.jspecify.annotations.NullMarked;
