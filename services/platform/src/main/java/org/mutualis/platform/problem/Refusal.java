package org.mutualis.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the domain refuses, with a stable type, a message key resolved in the caller's language and
 * the fields at fault. Domain code throws it; the web layer renders it as {@code application/problem+json}.
 */
public class Refusal extends RuntimeException {

	private final Reason reason;

	private final String type;

	private final String messageKey;

	private final transient Object[] arguments;

	private final List<FieldProblem> fields;

	private final transient Map<String, Object> properties = new LinkedHashMap<>();

	/**
	 * Creates a refusal.
	 * @param reason the broad reason, which decides the HTTP status
	 * @param type stable short name of the problem, e.g. {@code organisation-not-approved}
	 * @param messageKey key of the human message in the service's message bundles
	 * @param fields the request fields at fault, possibly none
	 * @param arguments arguments of the message
	 */
	public Refusal(Reason reason, String type, String messageKey, List<FieldProblem> fields, Object... arguments) {
		super(type + " (" + messageKey + ")");
		this.reason = Objects.requireNonNull(reason);
		this.type = Objects.requireNonNull(type);
		this.messageKey = Objects.requireNonNull(messageKey);
		this.fields = List.copyOf(fields);
		this.arguments = arguments.clone();
	}

	/**
	 * Creates a refusal without field details; the message key is {@code problem.<type>}.
	 * @param reason the broad reason
	 * @param type stable short name of the problem
	 * @param arguments arguments of the message
	 * @return the refusal
	 */
	public static Refusal of(Reason reason, String type, Object... arguments) {
		return new Refusal(reason, type, "problem." + type, List.of(), arguments);
	}

	/**
	 * Creates a refusal of invalid input naming the field at fault.
	 * @param type stable short name of the problem
	 * @param field the field at fault
	 * @param arguments arguments of the message
	 * @return the refusal
	 */
	public static Refusal invalidField(String type, String field, Object... arguments) {
		return new Refusal(Reason.INVALID, type, "problem." + type, List.of(new FieldProblem(field, "problem." + type)),
				arguments);
	}

	/** @return the broad reason */
	public Reason reason() {
		return this.reason;
	}

	/** @return the stable problem type name */
	public String type() {
		return this.type;
	}

	/** @return the message key */
	public String messageKey() {
		return this.messageKey;
	}

	/** @return the message arguments */
	public Object[] arguments() {
		return this.arguments.clone();
	}

	/** @return the fields at fault */
	public List<FieldProblem> fields() {
		return this.fields;
	}

	/**
	 * Adds an extension property to the rendered problem, e.g. what would be allowed instead ({@code nextFreeStart}).
	 * @param name the property name; it must not be one of RFC 9457's members nor {@code messages} or {@code errors}
	 * @param value a value JSON can carry (text, number, boolean, list or map of those)
	 * @return this refusal
	 */
	public Refusal with(String name, Object value) {
		this.properties.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
		return this;
	}

	/** @return the extension properties, in the order they were added */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	/** Broad reasons for a refusal; each maps to one HTTP status. */
	public enum Reason {

		/** The request is malformed or breaks a rule about its own content (400). */
		INVALID,
		/** The caller may not do this to this object (403). */
		FORBIDDEN,
		/** The object does not exist, or the caller may not know it exists (404). */
		NOT_FOUND,
		/** The object changed meanwhile or is in a state that forbids this (409). */
		CONFLICT,
		/** The request is well-formed but breaks a business rule (422). */
		UNPROCESSABLE,
		/** The caller tried too often (429). */
		TOO_MANY

	}

	/**
	 * A field of the request at fault.
	 * @param field path of the field, e.g. {@code title.fr}
	 * @param messageKey message key of what is wrong with it
	 */
	public record FieldProblem(String field, String messageKey) {
	}

}
