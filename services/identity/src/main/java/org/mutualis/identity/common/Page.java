package org.mutualis.identity.common;

import java.util.List;

/**
 * One page of a list.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, long total) {
}
