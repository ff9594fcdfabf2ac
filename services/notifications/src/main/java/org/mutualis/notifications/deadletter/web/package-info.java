/** The administrators' dead-letter API: list per topic, replay one. */
@NullMarked
package org.mutualis.notifications.deadletter.web;

import org.jspecify.annotations.NullMarked;
