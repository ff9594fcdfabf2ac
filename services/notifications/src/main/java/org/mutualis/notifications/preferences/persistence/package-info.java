/** Preferences in MongoDB, one document per person. */
@NullMarked
package org.mutualis.notifications.preferences.persistence;

import org.jspecify.annotations.NullMarked;
