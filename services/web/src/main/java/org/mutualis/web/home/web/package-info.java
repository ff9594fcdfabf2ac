/** The controller that renders the public home page, anonymously or for a signed-in person. */
@NullMarked
package org.mutualis.web.home.web;

import org.jspecify.annotations.NullMarked;
