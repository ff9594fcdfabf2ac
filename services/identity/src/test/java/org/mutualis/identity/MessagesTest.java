package org.mutualis.identity;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

	@Test
	void everyMessageExistsInFrenchAndInEnglish() throws Exception {
		Properties french = load("/messages.properties");
		Properties english = load("/messages_en.properties");
		assertThat(french.stringPropertyNames()).isNotEmpty().isEqualTo(english.stringPropertyNames());
	}

	private static Properties load(String name) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
