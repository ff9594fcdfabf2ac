/** A listing's public page: photos, description, price, prerequisites, place and availability calendar. */
@NullMarked
package org.mutualis.web.listing.web;

import org.jspecify.annotations.NullMarked;
