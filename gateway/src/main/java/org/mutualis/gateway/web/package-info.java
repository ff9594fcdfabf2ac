/** Problem details, security headers, body size caps and upstream failures at the edge. */
@NullMarked
package org.mutualis.gateway.web;

import org.jspecify.annotations.NullMarked;
