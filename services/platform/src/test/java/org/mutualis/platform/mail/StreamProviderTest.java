package org.mutualis.platform.mail;

import java.net.URL;
import java.net.URLClassLoader;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Jakarta Mail's stream provider is named once, so that making a message never scans the class path. */
class StreamProviderTest {

	private String before;

	@BeforeEach
	void forget() {
		this.before = System.getProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY);
		System.clearProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY);
	}

	@AfterEach
	void restore() {
		if (this.before != null) {
			System.setProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY, this.before);
		}
		else {
			System.clearProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY);
		}
	}

	@Test
	void theMailConfigurationNamesAngusMailsProviderWhichJakartaMailThenUses() {
		new MailAutoConfiguration();

		assertThat(System.getProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY))
			.isEqualTo(MailAutoConfiguration.ANGUS_STREAM_PROVIDER);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailAutoConfiguration.ANGUS_STREAM_PROVIDER);
		assertThat(MailAutoConfiguration.nameStreamProvider(getClass().getClassLoader())).as("named already").isFalse();
	}

	@Test
	void aProviderNamedByTheOperatorIsKept() {
		System.setProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY, "com.example.TheirProvider");

		assertThat(MailAutoConfiguration.nameStreamProvider(getClass().getClassLoader())).isFalse();
		assertThat(System.getProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY)).isEqualTo("com.example.TheirProvider");
	}

	@Test
	void withoutAngusMailNothingIsNamed() throws Exception {
		try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
			assertThat(MailAutoConfiguration.nameStreamProvider(bare)).isFalse();
		}
		assertThat(System.getProperty(MailAutoConfiguration.STREAM_PROVIDER_PROPERTY)).isNull();
	}

}
