/** What every page shares: calls to the services with the person's token, refusals, formats and the page header. */
@NullMarked
package org.mutualis.web.web;

import org.jspecify.annotations.NullMarked;
