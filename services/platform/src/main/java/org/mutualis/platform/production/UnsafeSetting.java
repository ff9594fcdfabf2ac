package org.mutualis.platform.production;

/**
 * One setting the {@code production} profile refuses, explained in both languages.
 *
 * @param property the property to change
 * @param french why it is refused, in French
 * @param english why it is refused, in English
 */
public record UnsafeSetting(String property, String french, String english) {
}
