/** The API documentation the gateway serves at {@code /api/docs}: a browser over every service's OpenAPI document, and the AsyncAPI document of the events. */
@NullMarked
package org.mutualis.gateway.docs;

import org.jspecify.annotations.NullMarked;
