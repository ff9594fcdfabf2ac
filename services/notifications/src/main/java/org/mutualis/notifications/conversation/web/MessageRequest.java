package org.mutualis.notifications.conversation.web;

import jakarta.validation.constraints.NotNull;

/**
 * A message to post.
 *
 * @param text plain text; links are kept as text
 */
record MessageRequest(@NotNull String text) {
}
