/** A manager's availability editor of a listing: weekly opening windows, closures and blocked hours. */
@NullMarked
package org.mutualis.web.availability.web;

import org.jspecify.annotations.NullMarked;
