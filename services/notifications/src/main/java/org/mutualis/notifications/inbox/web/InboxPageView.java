package org.mutualis.notifications.inbox.web;

import java.util.List;

/**
 * One page of the signed-in person's inbox.
 *
 * @param items the notifications, newest first
 * @param page page number from 0
 * @param size page size
 * @param total notifications in the inbox
 * @param unread unread notifications in the inbox
 */
record InboxPageView(List<NotificationView> items, int page, int size, long total, long unread) {
}
