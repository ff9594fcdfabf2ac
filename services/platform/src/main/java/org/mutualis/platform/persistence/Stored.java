package org.mutualis.platform.persistence;

/**
 * A document read back with the version it is stored at.
 *
 * @param <D> the document type
 * @param document the document
 * @param version the stored version (0 after the first save)
 */
public record Stored<D>(D document, long version) {
}
