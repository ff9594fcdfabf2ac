/**
 * The HTTP API of members and invitations, the signed-in person's own account (/api/identity/me), and the page
 * behind the e-mailed invitation link.
 */
@NullMarked
package org.mutualis.identity.membership.web;

import org.jspecify.annotations.NullMarked;
