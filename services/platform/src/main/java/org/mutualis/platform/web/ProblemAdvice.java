package org.mutualis.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import jakarta.validation.ConstraintViolation;
import org.jspecify.annotations.Nullable;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.mutualis.platform.problem.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.DatabindException;

/** Renders every failure of a request as {@code application/problem+json}: refusals, bad input, conflicts and faults. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final Problems problems;

	/**
	 * Creates the advice.
	 * @param problems problem builder
	 */
	public ProblemAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
		HttpStatus status = switch (refusal.reason()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
		};
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = this.problems.build(status, refusal.type(), refusal.messageKey(), refusal.arguments(),
				locale);
		if (!refusal.fields().isEmpty()) {
			List<Map<String, String>> errors = new ArrayList<>();
			for (Refusal.FieldProblem field : refusal.fields()) {
				errors.add(fieldError(field.field(),
						this.problems.message(field.messageKey(), refusal.arguments(), locale)));
			}
			problem.setProperty("errors", errors);
		}
		refusal.properties().forEach(problem::setProperty);
		return respond(problem);
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> invalidBody(BindException ex) {
		ProblemDetail problem = build(HttpStatus.BAD_REQUEST, "invalid-request", "problem.invalid-request");
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			errors.add(fieldError(error.getField(), sentence(violation(error), error.getDefaultMessage())));
		}
		ex.getGlobalErrors()
			.forEach((error) -> errors.add(fieldError(error.getObjectName(),
					sentence(violation(error), error.getDefaultMessage()))));
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex) {
		ProblemDetail problem = build(HttpStatus.BAD_REQUEST, "invalid-request", "problem.invalid-request");
		List<Map<String, String>> errors = new ArrayList<>();
		// a @Valid body beside a constrained parameter is validated here too: its errors name the body's own fields
		ex.getParameterValidationResults().forEach((result) -> result.getResolvableErrors()
			.forEach((error) -> errors.add(fieldError((error instanceof FieldError field) ? field.getField()
					: result.getMethodParameter().getParameterName(),
					sentence(violation(result, error), error.getDefaultMessage())))));
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = build(HttpStatus.BAD_REQUEST, "unreadable-body", "problem.unreadable-body");
		Throwable cause = ex.getCause();
		if (cause instanceof PropertyBindingException unknown) {
			problem.setProperty("errors", List.of(fieldError(unknown.getPropertyName(),
					this.problems.message("problem.unknown-field", new Object[0], LocaleContextHolder.getLocale()))));
		}
		else if (cause instanceof DatabindException binding && !binding.getPath().isEmpty()) {
			// a yes/no or number field left out (or null) is missing, not badly written
			String message = missingPrimitive(binding) ? "problem.missing-field" : "problem.unreadable-field";
			problem.setProperty("errors", List.of(fieldError(fieldPath(binding),
					this.problems.message(message, new Object[0], LocaleContextHolder.getLocale()))));
		}
		return respond(problem);
	}

	@ExceptionHandler({ MissingRequestValueException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> invalidParameter(Exception ex) {
		ProblemDetail problem = build(HttpStatus.BAD_REQUEST, "invalid-parameter", "problem.invalid-parameter");
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			problem.setProperty("errors", List.of(fieldError(mismatch.getName(),
					this.problems.message("problem.unreadable-field", new Object[0], LocaleContextHolder.getLocale()))));
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			problem.setProperty("errors", List.of(fieldError(missing.getParameterName(),
					this.problems.message("problem.missing-field", new Object[0], LocaleContextHolder.getLocale()))));
		}
		else if (ex instanceof MissingRequestHeaderException missing) {
			problem.setProperty("errors", List.of(fieldError(missing.getHeaderName(),
					this.problems.message("problem.missing-field", new Object[0], LocaleContextHolder.getLocale()))));
		}
		return respond(problem);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		ProblemDetail problem = build(HttpStatus.BAD_REQUEST, "invalid-parameter", "problem.invalid-parameter");
		problem.setProperty("errors", List.of(fieldError(ex.getRequestPartName(),
				this.problems.message("problem.missing-field", new Object[0], LocaleContextHolder.getLocale()))));
		return respond(problem);
	}

	/** A multipart body that cannot be read (no parts, no boundary): the caller's fault, not a fault of ours. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
		return respond(build(HttpStatus.BAD_REQUEST, "unreadable-body", "problem.unreadable-body"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException ex) {
		return respond(build(HttpStatus.NOT_FOUND, "not-found", "problem.not-found"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(build(HttpStatus.CONTENT_TOO_LARGE, "too-large", "problem.too-large"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException ex) {
		return respond(build(HttpStatus.CONFLICT, "stale-version", "problem.stale-version"));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
		// the store is frozen, gone or unreachable; a write may or may not have happened, so the caller retries and checks
		log.warn("store unavailable: {}", ex.toString());
		ResponseEntity<ProblemDetail> response = respond(
				build(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "problem.store-unavailable"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(response.getBody());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return respond(build(HttpStatus.CONFLICT, "duplicate", "problem.duplicate"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return respond(build(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden"));
	}

	@ExceptionHandler(ErrorResponseException.class)
	ResponseEntity<ProblemDetail> framework(ErrorResponseException ex) {
		return frameworkResponse(ex);
	}

	@ExceptionHandler({ org.springframework.web.HttpRequestMethodNotSupportedException.class,
			org.springframework.web.HttpMediaTypeException.class })
	ResponseEntity<ProblemDetail> frameworkServlet(Exception ex) {
		return frameworkResponse((ErrorResponse) ex);
	}

	private ResponseEntity<ProblemDetail> frameworkResponse(ErrorResponse ex) {
		HttpStatusCode status = ex.getStatusCode();
		ResponseEntity<ProblemDetail> response = respond(build(status, "http-" + status.value(), "problem.http." + status.value()));
		return ResponseEntity.status(status).headers(ex.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(response.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> fault(Exception ex) {
		if (storeUnreachable(ex)) {
			// e.g. Spring Data's UncategorizedMongoDbException around the driver's MongoConnectionPoolClearedException:
			// after a read timeout the driver pauses its pool, and the requests waiting on it fail this way
			return storeUnavailable(ex);
		}
		log.error("request failed", ex);
		return respond(build(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "problem.internal-error"));
	}

	private static boolean storeUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoSocketException) {
				return true;
			}
		}
		return false;
	}

	private ProblemDetail build(HttpStatusCode status, String type, String key) {
		return this.problems.build(status, type, key, new Object[0], LocaleContextHolder.getLocale());
	}

	/** The JSON path of the value at fault as a caller writes it, e.g. {@code location.latitude} or {@code tags[2]}. */
	/**
	 * Whether Jackson refused a body because a field of a primitive type (a record's {@code boolean}, {@code int}) was
	 * absent or null: Jackson 3 fails on null for primitives, with this message and no more specific type.
	 */
	private static boolean missingPrimitive(DatabindException binding) {
		return binding instanceof MismatchedInputException && !(binding instanceof InvalidFormatException)
				&& String.valueOf(binding.getOriginalMessage()).startsWith("Cannot map `null` into type");
	}

	private static String fieldPath(DatabindException binding) {
		StringBuilder path = new StringBuilder();
		for (tools.jackson.core.JacksonException.Reference reference : binding.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * The sentence for a constraint that kept Bean Validation's own message ("must not be null", "size must be
	 * between 0 and 100", "la taille doit être comprise entre…"): the platform's, in the caller's language, saying what
	 * is allowed. A constraint with a message of its own keeps it.
	 */
	private String sentence(@Nullable ConstraintViolation<?> violation, @Nullable String fallback) {
		if (violation == null || !violation.getMessageTemplate().startsWith("{jakarta.validation.constraints.")) {
			return (fallback != null) ? fallback : "";
		}
		Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		Object value = violation.getInvalidValue();
		String key;
		Object[] arguments = new Object[0];
		switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> key = "problem.missing-field";
			case "Size" -> {
				int min = (Integer) attributes.get("min");
				int max = (Integer) attributes.get("max");
				String of = (value instanceof CharSequence) ? "text" : "items";
				if (min <= 0) {
					key = "problem.field.size.max." + of;
					arguments = new Object[] { max };
				}
				else if (max == Integer.MAX_VALUE) {
					key = "problem.field.size.min." + of;
					arguments = new Object[] { min };
				}
				else {
					key = "problem.field.size.range." + of;
					arguments = new Object[] { min, max };
				}
			}
			case "Min", "DecimalMin" -> {
				key = "problem.field.min";
				arguments = new Object[] { number(attributes.get("value")) };
			}
			case "Max", "DecimalMax" -> {
				key = "problem.field.max";
				arguments = new Object[] { number(attributes.get("value")) };
			}
			case "Positive" -> key = "problem.field.positive";
			case "PositiveOrZero" -> key = "problem.field.positive-or-zero";
			case "Email" -> key = "problem.field.email";
			case "Digits" -> {
				key = "problem.field.digits";
				arguments = new Object[] { attributes.get("integer"), attributes.get("fraction") };
			}
			default -> key = "problem.unreadable-field";
		}
		return this.problems.message(key, arguments, LocaleContextHolder.getLocale());
	}

	private static Object number(@Nullable Object bound) {
		if (bound instanceof String text) {
			try {
				return new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				return text;
			}
		}
		return (bound != null) ? bound : "";
	}

	private static @Nullable ConstraintViolation<?> violation(ObjectError error) {
		try {
			return error.unwrap(ConstraintViolation.class);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable ConstraintViolation<?> violation(ParameterValidationResult result,
			MessageSourceResolvable error) {
		try {
			return result.unwrap(error, ConstraintViolation.class);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
