package org.mutualis.listings.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.mutualis.listings.listing.ListingKind;

/** Draws the demo photos with Java2D: a coloured card per kind, an icon-like shape and the listing's title. */
final class DemoPictures {

	private static final int WIDTH = 960;

	private static final int HEIGHT = 640;

	private DemoPictures() {
	}

	static byte[] card(ListingKind kind, String title, String place, int variant) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Color base = colour(kind, variant);
			g.setPaint(new GradientPaint(0, 0, base.brighter(), WIDTH, HEIGHT, base.darker()));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(new Color(255, 255, 255, 40));
			g.fill(new Ellipse2D.Double(WIDTH - 420, -160, 620, 620));
			g.setColor(Color.WHITE);
			g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			icon(g, kind, 90, 90);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 46));
			int y = 400;
			for (String line : wrap(g, title, WIDTH - 160)) {
				g.drawString(line, 80, y);
				y += 56;
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
			g.setColor(new Color(255, 255, 255, 220));
			g.drawString(place, 80, HEIGHT - 60);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void icon(Graphics2D g, ListingKind kind, int x, int y) {
		switch (kind) {
			case SPACE -> {
				Path2D house = new Path2D.Double();
				house.moveTo(x, y + 90);
				house.lineTo(x + 100, y);
				house.lineTo(x + 200, y + 90);
				g.draw(house);
				g.draw(new RoundRectangle2D.Double(x + 30, y + 90, 140, 110, 12, 12));
				g.drawRect(x + 85, y + 140, 30, 60);
			}
			case EQUIPMENT -> {
				g.draw(new RoundRectangle2D.Double(x, y + 60, 200, 120, 20, 20));
				g.drawLine(x + 60, y + 60, x + 60, y + 20);
				g.drawLine(x + 140, y + 60, x + 140, y + 20);
				g.drawLine(x + 60, y + 20, x + 140, y + 20);
				g.draw(new Ellipse2D.Double(x + 70, y + 90, 60, 60));
			}
			case STAFF_TIME -> {
				g.draw(new Ellipse2D.Double(x + 20, y, 160, 160));
				g.drawLine(x + 100, y + 80, x + 100, y + 30);
				g.drawLine(x + 100, y + 80, x + 145, y + 105);
				g.drawLine(x + 40, y + 200, x + 160, y + 200);
			}
			case EXPERTISE -> {
				g.draw(new Ellipse2D.Double(x + 40, y, 120, 120));
				g.drawLine(x + 75, y + 125, x + 75, y + 170);
				g.drawLine(x + 125, y + 125, x + 125, y + 170);
				g.drawLine(x + 75, y + 190, x + 125, y + 190);
			}
		}
	}

	private static Color colour(ListingKind kind, int variant) {
		Color[] palette = switch (kind) {
			case SPACE -> new Color[] { new Color(0x2E7D32), new Color(0x00796B), new Color(0x558B2F) };
			case EQUIPMENT -> new Color[] { new Color(0xEF6C00), new Color(0xC62828), new Color(0xAD1457) };
			case STAFF_TIME -> new Color[] { new Color(0x1565C0), new Color(0x283593), new Color(0x0277BD) };
			case EXPERTISE -> new Color[] { new Color(0x6A1B9A), new Color(0x4527A0), new Color(0x5D4037) };
		};
		return palette[Math.floorMod(variant, palette.length)];
	}

	private static List<String> wrap(Graphics2D g, String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (g.getFontMetrics().stringWidth(candidate) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines.subList(0, Math.min(3, lines.size()));
	}

}
