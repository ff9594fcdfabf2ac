package org.mutualis.web.home;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Renders the home page through the web slice. */
@WebMvcTest(HomeController.class)
@org.springframework.context.annotation.Import({ org.mutualis.web.WebSecurityAccess.class })
public abstract class HomePageTestSupport {

	@Autowired
	MockMvc mvc;

	protected String page(@Nullable String acceptLanguage, @Nullable String lang) throws Exception {
		MockHttpServletRequestBuilder request = get("/");
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		if (lang != null) {
			request.param("lang", lang);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	protected static AbstractStringAssert<?> assertThat(String actual) {
		return Assertions.assertThat(actual);
	}

}
