package org.mutualis.listings.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

/**
 * Decides from their content whether uploaded bytes are a photo we accept: the magic bytes must say JPEG, PNG or
 * WebP, whatever the file name or declared type claims, and JPEG and PNG must decode.
 */
public final class PhotoInspection {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private PhotoInspection() {
	}

	/**
	 * Inspects uploaded bytes.
	 * @param bytes the upload
	 * @return accepted with its format (and decoded image for JPEG and PNG), or rejected with a problem type
	 */
	public static Verdict inspect(byte[] bytes) {
		PhotoFormat format = sniff(bytes);
		if (format == null) {
			return new Verdict.Rejected("unsupported-photo-type");
		}
		if (format == PhotoFormat.WEBP) {
			// the JDK has no WebP decoder: the RIFF/WEBP signature is the check, and the original serves as thumbnail
			return new Verdict.Accepted(format, null);
		}
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
				return new Verdict.Rejected("unreadable-photo");
			}
			return new Verdict.Accepted(format, image);
		}
		catch (IOException | RuntimeException ex) {
			return new Verdict.Rejected("unreadable-photo");
		}
	}

	private static @Nullable PhotoFormat sniff(byte[] bytes) {
		if (startsWith(bytes, JPEG)) {
			return PhotoFormat.JPEG;
		}
		if (startsWith(bytes, PNG)) {
			return PhotoFormat.PNG;
		}
		if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
				&& bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
			return PhotoFormat.WEBP;
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/** The outcome of an inspection. */
	public sealed interface Verdict {

		/**
		 * The bytes are a photo we accept.
		 *
		 * @param format its format
		 * @param image the decoded image; absent for WebP
		 */
		record Accepted(PhotoFormat format, @Nullable BufferedImage image) implements Verdict {
		}

		/**
		 * The bytes are refused.
		 *
		 * @param problemType the stable problem type to answer with
		 */
		record Rejected(String problemType) implements Verdict {
		}

	}

}
