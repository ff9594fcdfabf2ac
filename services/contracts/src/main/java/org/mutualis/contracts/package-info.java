/** Access to the event contracts kept under {@code contracts/} and checks against them. */
@NullMarked
package org.mutualis.contracts;

import org.jspecify.annotations.NullMarked;
