package org.mutualis.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in French (Québec) and in English, and every key a template names exists. */
class MessageBundlesTest {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");

	private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{\\|([a-zA-Z0-9_.-]+)\\$\\{");

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> french = bundle("messages.properties").stringPropertyNames();
		Set<String> english = bundle("messages_en.properties").stringPropertyNames();
		assertThat(difference(french, english)).as("keys missing in English").isEmpty();
		assertThat(difference(english, french)).as("keys missing in French").isEmpty();
	}

	@Test
	void theManagerAndAdministratorPagesBundleHasTheSameKeysInFrenchAndEnglish() throws IOException {
		Set<String> french = bundle("i18n/manage.properties").stringPropertyNames();
		Set<String> english = bundle("i18n/manage_en.properties").stringPropertyNames();
		assertThat(french).isNotEmpty();
		assertThat(difference(french, english)).as("keys missing in English").isEmpty();
		assertThat(difference(english, french)).as("keys missing in French").isEmpty();
		assertThat(french).as("keys also in messages.properties (one would hide the other)")
			.doesNotContainAnyElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		// every bundle web's message source reads (spring.messages.basename)
		Set<String> keys = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
		keys.addAll(bundle("i18n/manage.properties").stringPropertyNames());
		keys.addAll(bundle("i18n/admins.properties").stringPropertyNames());
		Set<String> missing = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				String text = Files.readString(template);
				Matcher literal = LITERAL_KEY.matcher(text);
				while (literal.find()) {
					if (!keys.contains(literal.group(1))) {
						missing.add(template.getFileName() + ": " + literal.group(1));
					}
				}
				Matcher dynamic = DYNAMIC_KEY.matcher(text);
				while (dynamic.find()) {
					prefixes.add(dynamic.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
		for (String prefix : prefixes) {
			assertThat(keys).as("keys starting with " + prefix).anyMatch((key) -> key.startsWith(prefix));
		}
	}

	@Test
	void everyValueOfTheServicesEnumerationsHasItsWords() throws IOException {
		Set<String> keys = bundle("messages_en.properties").stringPropertyNames();
		for (String kind : Set.of("SPACE", "EQUIPMENT", "STAFF_TIME", "EXPERTISE")) {
			assertThat(keys).contains("kind." + kind);
		}
		for (String status : Set.of("DRAFT", "PENDING_REVIEW", "PUBLISHED", "REJECTED", "SUSPENDED", "ARCHIVED")) {
			assertThat(keys).contains("status." + status);
		}
		for (String status : Set.of("REQUESTED", "CONFIRMED", "DECLINED", "EXPIRED", "CANCELLED", "COMPLETED",
				"NO_SHOW")) {
			assertThat(keys).contains("booking.status." + status);
		}
		for (String state : Set.of("FREE", "PARTLY_BOOKED", "BUSY", "CLOSED")) {
			assertThat(keys).contains("calendar.state." + state);
		}
		for (String role : Set.of("MEMBER", "MANAGER", "ADMIN")) {
			assertThat(keys).contains("role." + role);
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
