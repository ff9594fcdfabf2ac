/** The platform administrators' pages: organisations awaiting approval and the moderation queue. */
@NullMarked
package org.mutualis.web.admin.web;

import org.jspecify.annotations.NullMarked;
