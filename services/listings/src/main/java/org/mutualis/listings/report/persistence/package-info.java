/** Keeps reports in the {@code reports} collection; a resolution is written only on a report still open. */
@NullMarked
package org.mutualis.listings.report.persistence;

import org.jspecify.annotations.NullMarked;
