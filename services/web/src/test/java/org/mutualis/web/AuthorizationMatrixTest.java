package org.mutualis.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.EndpointInventory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of web against a visitor and a signed-in person (web has browser sessions, not bearer tokens): every
 * page has a row, and a page without one fails this test.
 */
@WebMvcTest
@Import(WebSecurityAccess.class)
class AuthorizationMatrixTest {

	@Autowired
	MockMvc mvc;

	/** Page → {anonymous status, signed-in status}. */
	static final Map<String, int[]> MATRIX = Map.of("GET /", new int[] { 200, 200 });

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyPageHasARowAndAnswersAsItSays() throws Exception {
		org.assertj.core.api.Assertions.assertThat(EndpointInventory.of(this.mapping)).isEqualTo(MATRIX.keySet());
		for (Map.Entry<String, int[]> row : MATRIX.entrySet()) {
			String path = row.getKey().substring(row.getKey().indexOf(' ') + 1);
			this.mvc.perform(get(path)).andExpect(status().is(row.getValue()[0]));
			this.mvc.perform(get(path).with(oidcLogin())).andExpect(status().is(row.getValue()[1]));
		}
	}

}
