package org.mutualis.identity.person;

/** A fact about a person that other services learn; the subject of every one is the person id. */
public sealed interface PersonEvent permits PersonRegistered, PersonPasswordChanged, PersonProfileChanged,
		PersonEmailChanged, AdministratorGranted, AdministratorRevoked {

}
