/** HTTP endpoints to report a listing and to resolve a report. */
@NullMarked
package org.mutualis.listings.report.web;

import org.jspecify.annotations.NullMarked;
