/** The {@code production} profile's start-up guard: no demo data, demo secrets or folder mail in production. */
@NullMarked
package org.mutualis.platform.production;

import org.jspecify.annotations.NullMarked;
