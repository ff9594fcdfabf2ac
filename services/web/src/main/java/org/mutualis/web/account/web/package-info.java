/** Registering an organisation, the way to identity's forgotten-password page, and the person's own profile. */
@NullMarked
package org.mutualis.web.account.web;

import org.jspecify.annotations.NullMarked;
