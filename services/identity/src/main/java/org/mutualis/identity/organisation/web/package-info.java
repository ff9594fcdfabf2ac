/**
 * The HTTP API to register organisations, show them to their members and let administrators approve, reject,
 * suspend and reactivate them.
 */
@NullMarked
package org.mutualis.identity.organisation.web;

import org.jspecify.annotations.NullMarked;
