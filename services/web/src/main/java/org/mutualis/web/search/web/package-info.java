/** The search page: listings found by text and facets, narrowed by booking's availability over chosen dates. */
@NullMarked
package org.mutualis.web.search.web;

import org.jspecify.annotations.NullMarked;
