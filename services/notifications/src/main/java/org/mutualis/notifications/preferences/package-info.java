/** Each person's notification preferences: category by channel, daily digest, muted listings and conversations. */
@NullMarked
package org.mutualis.notifications.preferences;

import org.jspecify.annotations.NullMarked;
