/** The OpenAPI document every service publishes: its operations, the shared problem answers and the bearer scheme. */
@NullMarked
package org.mutualis.platform.openapi;

import org.jspecify.annotations.NullMarked;
