/** Adapter of the organisation feature: persistence. */
@NullMarked
package org.mutualis.identity.organisation.persistence;

import org.jspecify.annotations.NullMarked;
