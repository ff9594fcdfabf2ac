package org.mutualis.notifications.directory;

/**
 * An organisation as notifications knows it from identity's events.
 *
 * @param id organisation id
 * @param name its name
 * @param status its standing: {@code REGISTERED}, {@code APPROVED}, {@code REJECTED}, {@code SUSPENDED}
 * @param language its preferred language, {@code fr} or {@code en}
 */
public record Organisation(String id, String name, String status, String language) {
}
