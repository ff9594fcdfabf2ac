package org.mutualis.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take an {@link Actor} parameter, read from the validated access token; {@code null} when anonymous. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Actor.class.equals(parameter.getParameterType());
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		return current();
	}

	/**
	 * Reads the actor of the current request.
	 * @return the actor, or {@code null} when the request carries no valid token
	 */
	public static @Nullable Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return fromJwt(token.getToken());
		}
		return null;
	}

	/**
	 * Reads the actor from a validated token.
	 * @param jwt the token
	 * @return the actor
	 */
	public static Actor fromJwt(Jwt jwt) {
		Set<String> roles = new LinkedHashSet<>();
		Object claim = jwt.getClaims().get("roles");
		if (claim instanceof Collection<?> values) {
			values.forEach((value) -> roles.add(String.valueOf(value)));
		}
		return new Actor(jwt.getSubject(), jwt.getClaimAsString("org"), Set.copyOf(roles));
	}

}
