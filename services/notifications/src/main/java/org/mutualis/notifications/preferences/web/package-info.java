/** The preferences API of the signed-in person. */
@NullMarked
package org.mutualis.notifications.preferences.web;

import org.jspecify.annotations.NullMarked;
