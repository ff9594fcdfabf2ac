/**
 * What people do with their account: signing in (with lockout after repeated failures) and resetting a forgotten
 * password.
 */
@NullMarked
package org.mutualis.identity.person.application;

import org.jspecify.annotations.NullMarked;
