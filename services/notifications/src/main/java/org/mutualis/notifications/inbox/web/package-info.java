/** The inbox API and the live stream of server-sent events of the signed-in person. */
@NullMarked
package org.mutualis.notifications.inbox.web;

import org.jspecify.annotations.NullMarked;
