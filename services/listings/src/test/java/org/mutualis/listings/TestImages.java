package org.mutualis.listings;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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
	 * Crafts a PNG whose header declares any size, with one tiny compressed row of pixel data: a decompression bomb
	 * when the size is large.
	 * @param width declared width
	 * @param height declared height
	 * @return the PNG bytes
	 * @throws IOException never in practice
	 */
	public static byte[] pngDeclaring(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		DataOutputStream ihdr = new DataOutputStream(header);
		ihdr.writeInt(width);
		ihdr.writeInt(height);
		ihdr.write(new byte[] { 8, 2, 0, 0, 0 });
		chunk(out, "IHDR", header.toByteArray());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1 + 3 * 64]);
		deflater.finish();
		byte[] compressed = new byte[512];
		int length = deflater.deflate(compressed);
		deflater.end();
		chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/**
	 * Draws a JPEG carrying an EXIF block with a GPS position, as phones write them.
	 * @param width width
	 * @param height height
	 * @return the JPEG bytes
	 * @throws IOException never in practice
	 */
	public static byte[] jpegWithExif(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x1565C0));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", encoded);
		byte[] jpeg = encoded.toByteArray();
		// APP1 "Exif": a little-endian TIFF header, an empty IFD, then the text a GPS block would hold
		ByteArrayOutputStream exif = new ByteArrayOutputStream();
		exif.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		exif.write(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		exif.write(EXIF_GPS.getBytes(StandardCharsets.ISO_8859_1));
		byte[] payload = exif.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.write(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** The GPS text {@link #jpegWithExif} hides in its EXIF block. */
	public static final String EXIF_GPS = "GPSLatitude 45.2536 N GPSLongitude 74.1331 W";

	/**
	 * Tells whether bytes contain a text.
	 * @param bytes the bytes
	 * @param text the text, in ISO-8859-1
	 * @return whether it occurs
	 */
	public static boolean contains(byte[] bytes, String text) {
		return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream stream = new DataOutputStream(out);
		stream.writeInt(data.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		stream.write(typeBytes);
		stream.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		stream.writeInt((int) crc.getValue());
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
