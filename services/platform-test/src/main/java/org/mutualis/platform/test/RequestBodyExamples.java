package org.mutualis.platform.test;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;

/**
 * Checks that a documented request body example is a body the service reads (with its own JSON mapper, which refuses
 * unknown fields) and accepts (with its Bean Validation validator), as the controller would.
 */
final class RequestBodyExamples {

	private final JsonMapper reader;

	private final Validator validator;

	/**
	 * Checks with the service's own reader and validator.
	 * @param reader the service's JSON mapper
	 * @param validator the service's validator
	 */
	RequestBodyExamples(JsonMapper reader, Validator validator) {
		this.reader = reader;
		this.validator = validator;
	}

	/**
	 * Reads and validates one example, recording what a caller could not send.
	 * @param endpoint {@code "METHOD /path"}
	 * @param body the controller's {@code @RequestBody} parameter
	 * @param example the documented example (missing when there is none)
	 * @param findings where problems are added, one sentence each
	 */
	void check(String endpoint, MethodParameter body, JsonNode example, List<String> findings) {
		if (example.isMissingNode()) {
			findings.add(endpoint + " has no request body example");
			return;
		}
		Object value;
		try {
			value = this.reader.readValue(example.toString(), this.reader.constructType(body.getGenericParameterType()));
		}
		catch (JacksonException ex) {
			findings.add(endpoint + " example is not a body the service can read: " + ex.getOriginalMessage());
			return;
		}
		if (value == null) {
			findings.add(endpoint + " example is empty");
			return;
		}
		Set<ConstraintViolation<Object>> violations = this.validator.validate(value);
		violations.forEach((violation) -> findings.add(endpoint + " example breaks a rule: " + violation.getPropertyPath()
				+ " " + violation.getMessage()));
	}

}
