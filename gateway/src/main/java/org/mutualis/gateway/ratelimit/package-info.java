/** Per-person and per-address request budgets, kept in memory or shared through Redis. */
@NullMarked
package org.mutualis.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
