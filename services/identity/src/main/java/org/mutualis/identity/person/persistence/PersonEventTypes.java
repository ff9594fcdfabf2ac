package org.mutualis.identity.person.persistence;

import org.mutualis.identity.person.AdministratorGranted;
import org.mutualis.identity.person.AdministratorRevoked;
import org.mutualis.identity.person.PersonEmailChanged;
import org.mutualis.identity.person.PersonEvent;
import org.mutualis.identity.person.PersonPasswordChanged;
import org.mutualis.identity.person.PersonProfileChanged;
import org.mutualis.identity.person.PersonRegistered;

/** The wire type names of person events, as their contracts name them. */
final class PersonEventTypes {

	private PersonEventTypes() {
	}

	static String typeOf(PersonEvent event) {
		return switch (event) {
			case PersonRegistered e -> "mutualis.person.registered.v1";
			case PersonPasswordChanged e -> "mutualis.person.password-changed.v1";
			case PersonProfileChanged e -> "mutualis.person.profile-changed.v1";
			case PersonEmailChanged e -> "mutualis.person.email-changed.v1";
			case AdministratorGranted e -> "mutualis.person.administrator-granted.v1";
			case AdministratorRevoked e -> "mutualis.person.administrator-revoked.v1";
		};
	}

}
