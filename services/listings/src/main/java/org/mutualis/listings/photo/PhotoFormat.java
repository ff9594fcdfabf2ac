package org.mutualis.listings.photo;

/** The photo formats accepted, with their media types. */
public enum PhotoFormat {

	/** JPEG. */
	JPEG("image/jpeg", "jpg"),
	/** PNG. */
	PNG("image/png", "png"),
	/** WebP. */
	WEBP("image/webp", "webp");

	private final String mediaType;

	private final String imageIoName;

	PhotoFormat(String mediaType, String imageIoName) {
		this.mediaType = mediaType;
		this.imageIoName = imageIoName;
	}

	/** @return the media type */
	public String mediaType() {
		return this.mediaType;
	}

	/** @return the ImageIO writer name */
	public String imageIoName() {
		return this.imageIoName;
	}

}
