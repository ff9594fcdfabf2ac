package org.mutualis.identity.token.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.SignInResult;
import org.mutualis.identity.person.application.SignIn;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs a person in with e-mail and password; the authenticated name is the person id, which becomes {@code sub}.
 * Being the only {@link AuthenticationProvider} bean, it backs the global authentication manager; it is not added
 * to a chain as well, or every failure would be counted twice.
 */
@Component
class PersonAuthenticationProvider implements AuthenticationProvider {

	private final SignIn signIn;

	private final Clock clock;

	PersonAuthenticationProvider(SignIn signIn, Clock clock) {
		this.signIn = signIn;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		return switch (this.signIn.attempt(email, password, address(authentication))) {
			case SignInResult.SignedIn(Person person) ->
				UsernamePasswordAuthenticationToken.authenticated(person.id(), null, authorities(person, this.clock.instant()));
			case SignInResult.Throttled throttled -> throw new ThrottledSignIn(throttled.until());
			case SignInResult.Unverified unverified -> throw new UnverifiedSignIn();
			case SignInResult.Refused refused -> throw new BadCredentialsException("unknown e-mail or wrong password");
		};
	}

	private static String address(Authentication authentication) {
		// the forwarded-headers filter has put the client's address in the request the details were read from
		if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	private static List<GrantedAuthority> authorities(Person person, Instant now) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_PERSON"));
		if (person.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		// the password factor, with its time: OIDC needs it for auth_time
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build());
		return authorities;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
