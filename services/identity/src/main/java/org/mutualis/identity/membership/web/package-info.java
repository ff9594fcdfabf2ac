/** Adapter of the membership feature: web. */
@NullMarked
package org.mutualis.identity.membership.web;

import org.jspecify.annotations.NullMarked;
