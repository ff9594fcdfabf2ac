/** Adapter of the person feature: persistence. */
@NullMarked
package org.mutualis.identity.person.persistence;

import org.jspecify.annotations.NullMarked;
