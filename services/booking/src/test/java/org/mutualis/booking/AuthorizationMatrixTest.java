package org.mutualis.booking;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.EndpointInventory;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of the booking service: every endpoint × the six actors → expected status. The service
 * exposes no endpoint of its own yet (its API comes with its own issue); this test fails as soon as one appears
 * without a row.
 */
@WebMvcTest
class AuthorizationMatrixTest {

	static final Map<String, Map<TestActors, Integer>> MATRIX = Map.of();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyEndpointHasARowAndEveryRowAnEndpoint() {
		assertThat(EndpointInventory.of(this.mapping)).isEqualTo(MATRIX.keySet());
	}

}
