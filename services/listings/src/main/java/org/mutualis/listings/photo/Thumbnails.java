package org.mutualis.listings.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Draws reduced copies of photos with Java2D. */
public final class Thumbnails {

	private Thumbnails() {
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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(thumbnail, format.imageIoName(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
