package org.mutualis.notifications.inbox;

import org.jspecify.annotations.Nullable;

/**
 * One person a notice is for, with what they should read about the other side.
 *
 * @param personId the person
 * @param counterpart name of the other organisation, if the notice involves one
 * @param languageHint language to use if the person's own is not known (their organisation's)
 */
public record Addressee(String personId, @Nullable String counterpart, @Nullable String languageHint) {
}
