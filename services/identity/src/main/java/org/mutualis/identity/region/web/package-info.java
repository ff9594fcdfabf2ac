/** Lists the regions and MRCs served, for anyone (registration forms need them). */
@NullMarked
package org.mutualis.identity.region.web;

import org.jspecify.annotations.NullMarked;
