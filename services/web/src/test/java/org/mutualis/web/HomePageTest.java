package org.mutualis.web;

import org.junit.jupiter.api.Test;
import org.mutualis.web.home.HomePageTestSupport;

class HomePageTest extends HomePageTestSupport {

	@Test
	void speaksFrenchByDefault() throws Exception {
		assertThat(page(null, null)).contains("lang=\"fr\"").contains("Mettre en commun ce que nous avons");
	}

	@Test
	void speaksEnglishToAnEnglishBrowser() throws Exception {
		assertThat(page("en-CA,en;q=0.8", null)).contains("lang=\"en\"").contains("Pooling what we have");
	}

	@Test
	void switchesLanguageOnRequest() throws Exception {
		assertThat(page(null, "en")).contains("Pooling what we have");
	}

}
