/** The administrators' operations pages: dead letters with replay and the impact dashboard. */
@NullMarked
package org.mutualis.web.operations.web;

import org.jspecify.annotations.NullMarked;
