/** HTTP concerns shared by the services: problem details in the caller's language. */
@NullMarked
package org.mutualis.platform.web;

import org.jspecify.annotations.NullMarked;
