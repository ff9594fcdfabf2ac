/** The web service: the server-rendered user interface. */
@NullMarked
package org.mutualis.web;

import org.jspecify.annotations.NullMarked;
