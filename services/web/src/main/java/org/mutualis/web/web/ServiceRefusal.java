package org.mutualis.web.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A service refused a call with a problem: its status, stable type, the detail in the person's language and the
 * message of each offending field (keyed by the service's field path, e.g. {@code title.fr}). Uncaught, it becomes
 * the error page of its status.
 */
public class ServiceRefusal extends ResponseStatusException {

	private final String type;

	private final String detail;

	private final Map<String, String> fields;

	/**
	 * Creates the refusal of a problem answer.
	 * @param status its status
	 * @param type its short type
	 * @param detail its explanation
	 * @param fields message per offending field
	 */
	public ServiceRefusal(HttpStatusCode status, String type, String detail, Map<String, String> fields) {
		super(status, detail);
		this.type = type;
		this.detail = detail;
		this.fields = Map.copyOf(fields);
	}

	/** @return the problem's short type, e.g. {@code stale-version} (without {@code urn:mutualis:problem:}) */
	public String type() {
		return this.type;
	}

	/** @return the service's explanation, in the person's language */
	public String detail() {
		return this.detail;
	}

	/** @return message per offending field */
	public Map<String, String> fields() {
		return this.fields;
	}

	/**
	 * @param field a field path
	 * @return its message, if the service named it
	 */
	public @Nullable String field(String field) {
		return this.fields.get(field);
	}

	/** @return whether someone else changed the object since the person read it */
	public boolean isStaleVersion() {
		return "stale-version".equals(this.type);
	}

}
