/** Posting to, reading and reporting conversations, for members of the two organisations. */
@NullMarked
package org.mutualis.notifications.conversation.application;

import org.jspecify.annotations.NullMarked;
