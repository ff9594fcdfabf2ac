/** Web adapter types that several features share: reading the query parameters of the administrators' lists. */
@NullMarked
package org.mutualis.notifications.web;

import org.jspecify.annotations.NullMarked;
