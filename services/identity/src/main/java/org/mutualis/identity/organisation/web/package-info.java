/** Adapter of the organisation feature: web. */
@NullMarked
package org.mutualis.identity.organisation.web;

import org.jspecify.annotations.NullMarked;
