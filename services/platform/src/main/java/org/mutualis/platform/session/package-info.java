/**
 * HTTP sessions shared by every instance of a service (Spring Session on Redis), when configured.
 */
@NullMarked
package org.mutualis.platform.session;

import org.jspecify.annotations.NullMarked;
