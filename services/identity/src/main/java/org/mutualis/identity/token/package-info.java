/** Access tokens: who a token speaks for, and the keys that sign it. */
@NullMarked
package org.mutualis.identity.token;

import org.jspecify.annotations.NullMarked;
