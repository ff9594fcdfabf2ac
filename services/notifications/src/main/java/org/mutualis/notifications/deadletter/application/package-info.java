/** Lists dead letters and replays one to its original topic. */
@NullMarked
package org.mutualis.notifications.deadletter.application;

import org.jspecify.annotations.NullMarked;
