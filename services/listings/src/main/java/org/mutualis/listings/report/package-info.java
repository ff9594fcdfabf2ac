/** Members' reports about listings and their resolution by administrators. */
@NullMarked
package org.mutualis.listings.report;

import org.jspecify.annotations.NullMarked;
