/** Conversations between organisations about a booking or a listing: the list, a thread, and sending a message. */
@NullMarked
package org.mutualis.web.conversation.web;

import org.jspecify.annotations.NullMarked;
