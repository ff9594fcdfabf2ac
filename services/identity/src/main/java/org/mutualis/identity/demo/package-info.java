/** Demo organisations and people for local runs. */
@NullMarked
package org.mutualis.identity.demo;

import org.jspecify.annotations.NullMarked;
