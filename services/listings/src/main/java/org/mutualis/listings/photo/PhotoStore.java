package org.mutualis.listings.photo;

/** Where photo bytes are kept. */
public interface PhotoStore {

	/**
	 * Stores bytes.
	 * @param bytes the content
	 * @param contentType its media type
	 * @param name a descriptive file name
	 * @return the id to read it back
	 */
	String store(byte[] bytes, String contentType, String name);

	/**
	 * Reads stored bytes.
	 * @param id store id
	 * @return the content
	 */
	byte[] read(String id);

	/**
	 * Deletes stored bytes, if present.
	 * @param id store id
	 */
	void delete(String id);

}
