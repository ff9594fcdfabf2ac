/** The conversations API of the acting organisation. */
@NullMarked
package org.mutualis.notifications.conversation.web;

import org.jspecify.annotations.NullMarked;
