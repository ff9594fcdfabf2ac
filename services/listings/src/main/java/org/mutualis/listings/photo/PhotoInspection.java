package org.mutualis.listings.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.jspecify.annotations.Nullable;

/**
 * Decides from their content whether uploaded bytes are a photo we accept: the magic bytes must say JPEG or PNG,
 * whatever the file name or declared type claims; the size the header declares must stay within a pixel cap, read
 * before anything is decoded (a small file may declare a huge image); and the image must decode. WebP is refused:
 * the JDK has no decoder for it, and a photo that cannot be decoded cannot be checked nor re-encoded.
 */
public final class PhotoInspection {

	/** Largest width × height accepted when the caller names no cap: 40 megapixels. */
	public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

	/**
	 * Largest image actually decoded: a larger one is decoded at a reduced resolution (sub-sampled while it is
	 * read, never allocated whole), which bounds the memory one decode takes to about 50 MB.
	 */
	static final long MAX_DECODED_PIXELS = 12_000_000L;

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private PhotoInspection() {
	}

	/**
	 * Inspects uploaded bytes with the default pixel cap.
	 * @param bytes the upload
	 * @return accepted with its format and decoded image, or rejected with a problem type
	 */
	public static Verdict inspect(byte[] bytes) {
		return inspect(bytes, DEFAULT_MAX_PIXELS);
	}

	/**
	 * Inspects uploaded bytes.
	 * @param bytes the upload
	 * @param maxPixels largest width × height accepted, checked on the header before decoding
	 * @return accepted with its format and decoded image, or rejected with a problem type: {@code
	 * unsupported-photo-type}, {@code webp-not-supported}, {@code photo-too-large} or {@code unreadable-photo}
	 */
	public static Verdict inspect(byte[] bytes, long maxPixels) {
		PhotoFormat format = sniff(bytes);
		if (format == null) {
			return new Verdict.Rejected("unsupported-photo-type");
		}
		if (format == PhotoFormat.WEBP) {
			return new Verdict.Rejected("webp-not-supported");
		}
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
			if (input == null || !readers.hasNext()) {
				return new Verdict.Rejected("unreadable-photo");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width < 1 || height < 1) {
					return new Verdict.Rejected("unreadable-photo");
				}
				if (width * height > maxPixels) {
					return new Verdict.Rejected("photo-too-large");
				}
				ImageReadParam parameters = reader.getDefaultReadParam();
				int step = subsampling(width * height);
				if (step > 1) {
					parameters.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, parameters);
				return new Verdict.Accepted(format, image);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Verdict.Rejected("unreadable-photo");
		}
	}

	private static int subsampling(long pixels) {
		int step = 1;
		while (pixels / ((long) step * step) > MAX_DECODED_PIXELS) {
			step++;
		}
		return step;
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
		 * @param image the decoded image, the only thing stored of the upload (re-encoded, without its metadata)
		 */
		record Accepted(PhotoFormat format, BufferedImage image) implements Verdict {
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
