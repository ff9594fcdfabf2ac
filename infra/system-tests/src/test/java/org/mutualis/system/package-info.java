/** Whole-system tests: every service as its own process, driven through the gateway as a user or client would. */
@NullMarked
package org.mutualis.system;

import org.jspecify.annotations.NullMarked;
