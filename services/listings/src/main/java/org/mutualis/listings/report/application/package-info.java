/** Members report listings they see; administrators read and resolve reports. */
@NullMarked
package org.mutualis.listings.report.application;

import org.jspecify.annotations.NullMarked;
