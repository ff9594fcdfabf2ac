/** Adapter of the person feature: web. */
@NullMarked
package org.mutualis.identity.person.web;

import org.jspecify.annotations.NullMarked;
