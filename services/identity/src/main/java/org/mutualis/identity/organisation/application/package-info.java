/**
 * What people do with organisations: registering one with its first manager, viewing it, and the administrators'
 * approval lifecycle.
 */
@NullMarked
package org.mutualis.identity.organisation.application;

import org.jspecify.annotations.NullMarked;
