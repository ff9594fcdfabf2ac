/** HTTP endpoints of the moderation queue and of single moderation cases, for administrators. */
@NullMarked
package org.mutualis.listings.moderation.web;

import org.jspecify.annotations.NullMarked;
