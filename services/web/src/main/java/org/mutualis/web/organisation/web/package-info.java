/** A manager's pages for the organisation itself: members and invitations, the monthly ledger statement. */
@NullMarked
package org.mutualis.web.organisation.web;

import org.jspecify.annotations.NullMarked;
