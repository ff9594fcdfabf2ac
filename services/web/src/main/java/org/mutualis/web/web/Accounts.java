package org.mutualis.web.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Who the signed-in person is in identity: their name and organisations with names, statuses and roles. */
@Component
public class Accounts {

	private final ServiceCalls services;

	Accounts(ServiceCalls services) {
		this.services = services;
	}

	/**
	 * Reads {@code /api/identity/me} as the person.
	 * @return the person's account
	 */
	public Account mine() {
		Map<String, Object> me = this.services.get(ServiceCalls.Service.IDENTITY, "/api/identity/me");
		List<Organisation> organisations = (me.get("organisations") instanceof List<?> list) ? list.stream()
			.filter(Map.class::isInstance)
			.map((item) -> (Map<?, ?>) item)
			.map((item) -> new Organisation(String.valueOf(item.get("id")), String.valueOf(item.get("name")),
					String.valueOf(item.get("status")), String.valueOf(item.get("role"))))
			.toList() : List.of();
		return new Account(String.valueOf(me.get("displayName")), Boolean.TRUE.equals(me.get("admin")), organisations);
	}

	/**
	 * A person's account.
	 * @param name display name
	 * @param admin whether they administer the platform
	 * @param organisations their organisations
	 */
	public record Account(String name, boolean admin, List<Organisation> organisations) implements Serializable {

		/**
		 * @param id an organisation id
		 * @return that organisation of the person, if they belong to it
		 */
		public @Nullable Organisation organisation(@Nullable String id) {
			return this.organisations.stream().filter((o) -> o.id().equals(id)).findFirst().orElse(null);
		}

	}

	/**
	 * One of the person's organisations.
	 * @param id its id
	 * @param name its name
	 * @param status REGISTERED, APPROVED, REJECTED or SUSPENDED
	 * @param role the person's role in it, MEMBER or MANAGER
	 */
	public record Organisation(String id, String name, String status, String role) implements Serializable {
	}

}
