/** People: accounts, password rules, sign-in lockout and password reset. */
@NullMarked
package org.mutualis.identity.person;

import org.jspecify.annotations.NullMarked;
