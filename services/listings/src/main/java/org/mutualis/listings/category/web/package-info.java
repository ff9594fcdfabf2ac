/** HTTP endpoint that lists the managed categories to anyone. */
@NullMarked
package org.mutualis.listings.category.web;

import org.jspecify.annotations.NullMarked;
