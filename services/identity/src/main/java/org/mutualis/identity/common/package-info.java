/** Small domain values shared by the identity features: languages, e-mail normalisation, single-use secrets. */
@NullMarked
package org.mutualis.identity.common;

import org.jspecify.annotations.NullMarked;
