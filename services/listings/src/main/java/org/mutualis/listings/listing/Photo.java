package org.mutualis.listings.listing;

import java.time.Instant;

/**
 * A picture of a listing; its bytes live in the photo store.
 *
 * @param id photo id
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param size bytes of the original
 * @param etag content hash, for HTTP caching
 * @param originalFileId store id of the original bytes
 * @param thumbnailFileId store id of the thumbnail
 * @param addedAt when it was added
 */
public record Photo(String id, String contentType, long size, String etag, String originalFileId,
		String thumbnailFileId, Instant addedAt) {
}
