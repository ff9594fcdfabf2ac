/** A manager's pages for the organisation's listings: create, edit, photos, submit for review, archive. */
@NullMarked
package org.mutualis.web.manage.web;

import org.jspecify.annotations.NullMarked;
