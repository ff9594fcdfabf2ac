package org.mutualis.listings.photo.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.photo.application.PhotoManagement;
import org.mutualis.listings.web.ListingView;
import org.mutualis.listings.web.ListingViews;
import org.mutualis.listings.web.Versions;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Managers upload, order and delete photos; anyone who may see a listing gets its photos, with caching headers. */
@RestController
class PhotoController {

	private final PhotoManagement photos;

	private final ListingViews views;

	private final ListingsProperties properties;

	PhotoController(PhotoManagement photos, ListingViews views, ListingsProperties properties) {
		this.photos = photos;
		this.views = views;
		this.properties = properties;
	}

	@PostMapping(path = "/api/listings/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ListingView> add(Actor actor, @PathVariable String id, @RequestParam("file") MultipartFile file) {
		long max = this.properties.photos().maxSize().toBytes();
		if (file.getSize() > max) {
			throw new MaxUploadSizeExceededException(max);
		}
		if (file.isEmpty()) {
			throw Refusal.invalidField("unreadable-photo", "file");
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Listing listing = this.photos.add(actor, id, bytes);
		ListingView view = this.views.toView(listing);
		ListingView.PhotoView added = view.photos().get(view.photos().size() - 1);
		return Versions.withETag(ResponseEntity.created(URI.create(added.url())), view);
	}

	@GetMapping("/api/listings/{id}/photos/{photoId}")
	ResponseEntity<byte[]> read(@Nullable Actor actor, @PathVariable String id, @PathVariable String photoId,
			@RequestParam(defaultValue = "original") String size,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		PhotoManagement.Served photo = this.photos.read(actor, id, photoId, "thumbnail".equals(size));
		String etag = "\"" + photo.etag() + "\"";
		CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(this.properties.photos().maxAge()));
		cache = photo.isPublic() ? cache.cachePublic() : cache.cachePrivate();
		if (etag.equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(cache)
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes().get());
	}

	@PutMapping("/api/listings/{id}/photos/order")
	ResponseEntity<ListingView> reorder(Actor actor, @PathVariable String id, @Valid @RequestBody PhotoOrder order) {
		return Versions.withETag(ResponseEntity.ok(),
				this.views.toView(this.photos.reorder(actor, id, order.photoIds())));
	}

	@DeleteMapping("/api/listings/{id}/photos/{photoId}")
	ResponseEntity<ListingView> remove(Actor actor, @PathVariable String id, @PathVariable String photoId) {
		return Versions.withETag(ResponseEntity.ok(),
				this.views.toView(this.photos.remove(actor, id, photoId)));
	}

	record PhotoOrder(@NotNull @Size(max = Listing.MAX_PHOTOS) List<String> photoIds) {
	}

}
