package org.mutualis.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The problem types a service can answer with, read from its message bundles: every {@code problem.<type>} key
 * (French in {@code <basename>.properties}, English in {@code <basename>_en.properties}) names the type
 * {@code urn:mutualis:problem:<type>}, and {@code problem.http.<status>} the type {@code http-<status>}.
 */
final class ProblemCatalogue {

	private static final String PREFIX = "problem.";

	private ProblemCatalogue() {
	}

	/**
	 * Reads the problem types of the bundles.
	 * @param basenames the message bundles, as {@code spring.messages.basename} lists them
	 * @return type name → its message in French and English, sorted by name
	 */
	static Map<String, Messages> read(String basenames) {
		Map<String, Messages> types = new TreeMap<>();
		for (String basename : StringUtils.commaDelimitedListToStringArray(basenames)) {
			String name = basename.trim().replace('.', '/');
			if (name.isEmpty()) {
				continue;
			}
			Properties french = load(new ClassPathResource(name + ".properties"));
			Properties english = load(new ClassPathResource(name + "_en.properties"));
			for (String key : french.stringPropertyNames()) {
				String type = typeOf(key);
				if (type != null) {
					types.put(type, new Messages(french.getProperty(key), english.getProperty(key, "")));
				}
			}
		}
		return types;
	}

	private static @Nullable String typeOf(String key) {
		if (!key.startsWith(PREFIX) || key.startsWith(PREFIX + "title.")) {
			return null;
		}
		String rest = key.substring(PREFIX.length());
		if (rest.startsWith("http.")) {
			return "http-" + rest.substring("http.".length());
		}
		return rest.matches("[a-z0-9-]+") ? rest : null;
	}

	private static Properties load(Resource resource) {
		Properties properties = new Properties();
		if (!resource.exists()) {
			return properties;
		}
		try (InputStream in = resource.getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

	/**
	 * The text of one problem type.
	 * @param fr in French (Québec)
	 * @param en in English
	 */
	record Messages(String fr, String en) {
	}

}
