/** The architecture rules every service keeps, checked with ArchUnit by one test class per service. */
@NullMarked
package org.mutualis.platform.test.architecture;

import org.jspecify.annotations.NullMarked;
