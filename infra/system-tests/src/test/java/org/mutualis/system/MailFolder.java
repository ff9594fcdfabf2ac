package org.mutualis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the e-mails the services wrote as {@code .eml} files in local mode. */
final class MailFolder {

	private final Path folder;

	MailFolder(Path folder) {
		this.folder = folder;
	}

	/**
	 * Finds the newest message addressed to someone whose text matches a pattern.
	 * @param recipient the address
	 * @param pattern what to extract (group 1)
	 * @return the extracted text, if such a message exists
	 */
	Optional<String> find(String recipient, Pattern pattern) {
		if (!Files.isDirectory(this.folder)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			List<Path> messages = files.filter((file) -> file.toString().endsWith(".eml"))
				.sorted((a, b) -> b.toFile().lastModified() < a.toFile().lastModified() ? -1 : 1)
				.toList();
			for (Path message : messages) {
				String text = decoded(Files.readString(message, StandardCharsets.UTF_8));
				if (text.toLowerCase(java.util.Locale.ROOT).contains(recipient.toLowerCase(java.util.Locale.ROOT))) {
					Matcher matcher = pattern.matcher(text);
					if (matcher.find()) {
						return Optional.of(matcher.group(1));
					}
				}
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String decoded(String raw) {
		// quoted-printable soft line breaks and '=' escapes, enough to read links
		return raw.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
	}

}
