package org.mutualis.platform.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A service's authorisation matrix: for every endpoint, the status each of the six {@link TestActors} must get.
 * Compared with {@link EndpointInventory} it fails on an endpoint without a row.
 *
 * @param <F> the service's fixture: the objects (listings, bookings, ...) a row's request is about
 */
public final class AuthorizationMatrix<F> {

	private final Map<String, Row<F>> rows = new LinkedHashMap<>();

	/**
	 * Adds an endpoint's row.
	 * @param endpoint {@code METHOD /path/{variable}} as {@link EndpointInventory} names it
	 * @param request the request, built from a fresh fixture
	 * @param anonymous status without a token
	 * @param memberA status for a member of organisation A
	 * @param managerA status for a manager of organisation A
	 * @param memberB status for a member of organisation B
	 * @param managerB status for a manager of organisation B
	 * @param admin status for an administrator
	 * @return this matrix
	 */
	public AuthorizationMatrix<F> row(String endpoint, Function<F, AbstractMockHttpServletRequestBuilder<?>> request,
			int anonymous, int memberA, int managerA, int memberB, int managerB, int admin) {
		Map<TestActors, Integer> expected = TestActors.expect((actor) -> switch (actor) {
			case ANONYMOUS -> anonymous;
			case MEMBER_A -> memberA;
			case MANAGER_A -> managerA;
			case MEMBER_B -> memberB;
			case MANAGER_B -> managerB;
			case ADMIN -> admin;
		});
		this.rows.put(endpoint, new Row<>(request, expected));
		return this;
	}

	/** @return the endpoints that have a row */
	public Set<String> endpoints() {
		return Collections.unmodifiableSet(this.rows.keySet());
	}

	/**
	 * Calls every endpoint as every actor, each call on a fresh fixture.
	 * @param mvc the service's web layer
	 * @param fixture makes a fixture
	 * @return one line per answer that differs from its row, empty when the matrix holds
	 * @throws Exception when a call cannot be made
	 */
	public List<String> mismatches(MockMvc mvc, Supplier<F> fixture) throws Exception {
		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, Row<F>> entry : this.rows.entrySet()) {
			for (TestActors actor : TestActors.values()) {
				AbstractMockHttpServletRequestBuilder<?> request = entry.getValue().request().apply(fixture.get());
				int status = mvc.perform(request.with(actor.token())).andReturn().getResponse().getStatus();
				int expected = entry.getValue().expected().get(actor);
				if (status != expected) {
					mismatches.add(entry.getKey() + " as " + actor + ": " + status + " instead of " + expected);
				}
			}
		}
		return mismatches;
	}

	private record Row<F>(Function<F, AbstractMockHttpServletRequestBuilder<?>> request,
			Map<TestActors, Integer> expected) {
	}

}
