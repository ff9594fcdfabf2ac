package org.mutualis.identity.token.server;

import java.util.List;

import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.SignIn;
import org.mutualis.identity.person.SignInResult;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Signs a person in with e-mail and password; the authenticated name is the person id, which becomes {@code sub}. */
@Component
class PersonAuthenticationProvider implements AuthenticationProvider {

	private final SignIn signIn;

	PersonAuthenticationProvider(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		return switch (this.signIn.attempt(email, password)) {
			case SignInResult.SignedIn(Person person) ->
				UsernamePasswordAuthenticationToken.authenticated(person.id(), null, authorities(person));
			case SignInResult.Locked locked -> throw new LockedException("locked until " + locked.until());
			case SignInResult.Refused refused -> throw new BadCredentialsException("unknown e-mail or wrong password");
		};
	}

	private static List<GrantedAuthority> authorities(Person person) {
		return person.admin() ? List.of(new SimpleGrantedAuthority("ROLE_PERSON"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_PERSON"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
