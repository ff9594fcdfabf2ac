package org.mutualis.listings.web;

import org.mutualis.platform.web.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders the refusals of listings whose HTTP status the platform's reasons do not cover, as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListingProblems {

	private final Problems problems;

	ListingProblems(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(PreconditionRequired.class)
	ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequired ex) {
		ProblemDetail problem = this.problems.build(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
				"problem.if-match-required", new Object[0], LocaleContextHolder.getLocale());
		return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
