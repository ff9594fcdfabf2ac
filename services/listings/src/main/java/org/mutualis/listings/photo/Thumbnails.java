package org.mutualis.listings.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Draws the copies of photos that are stored: the whole image re-encoded, and a reduced one, with Java2D. */
public final class Thumbnails {

	private Thumbnails() {
	}

	/**
	 * Encodes a decoded photo anew, so that nothing of the upload but its pixels is kept: no EXIF block (GPS
	 * position, camera serial), no comment, no trailing data.
	 * @param image the decoded photo
	 * @param format the format to encode it in (JPEG or PNG)
	 * @return the encoded photo
	 */
	public static byte[] reencoded(BufferedImage image, PhotoFormat format) {
		BufferedImage source = image;
		if (format == PhotoFormat.JPEG && image.getColorModel().hasAlpha()) {
			source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = source.createGraphics();
			try {
				graphics.drawImage(image, 0, 0, null);
			}
			finally {
				graphics.dispose();
			}
		}
		return encode(source, format);
	}

	/**
	 * Scales an image down to a width, keeping its proportions; smaller images keep their size.
	 * @param image the decoded photo
	 * @param format the format to encode the thumbnail in (JPEG or PNG)
	 * @param width the largest width
	 * @return the encoded thumbnail
	 */
	public static byte[] of(BufferedImage image, PhotoFormat format, int width) {
		int targetWidth = Math.min(width, image.getWidth());
		int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * (targetWidth / (double) image.getWidth())));
		boolean opaque = format == PhotoFormat.JPEG;
		BufferedImage thumbnail = new BufferedImage(targetWidth, targetHeight,
				opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = thumbnail.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, targetWidth, targetHeight, null);
		}
		finally {
			graphics.dispose();
		}
		return encode(thumbnail, format);
	}

	private static byte[] encode(BufferedImage image, PhotoFormat format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format.imageIoName(), out)) {
				throw new IllegalStateException("no " + format + " writer for this image");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
