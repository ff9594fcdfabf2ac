package org.mutualis.listings;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/** Images drawn for tests. */
public final class TestImages {

	private TestImages() {
	}

	/**
	 * Draws a PNG.
	 * @param width width
	 * @param height height
	 * @return the encoded image
	 * @throws IOException never in practice
	 */
	public static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x2E7D32));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/**
	 * Reads the width of an encoded image.
	 * @param bytes the image
	 * @return its width
	 * @throws IOException when unreadable
	 */
	public static int width(byte[] bytes) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(bytes)).getWidth();
	}

}
