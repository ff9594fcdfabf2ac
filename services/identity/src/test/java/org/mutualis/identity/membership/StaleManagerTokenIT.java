package org.mutualis.identity.membership;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.IdentityIntegrationTest;
import org.mutualis.identity.OAuthClientAccess;
import org.mutualis.identity.TestAccounts;
import org.mutualis.identity.membership.application.MembershipManagement;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A manager who was just removed or demoted keeps an unexpired token that still says MANAGER: identity decides
 * from the live membership (refused at once, before any event is applied), and refuses the token altogether once
 * its own events say the membership changed (401), like every other service.
 */
@IdentityIntegrationTest
class StaleManagerTokenIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	MembershipManagement memberships;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRemovedManagersStillValidTokenCannotInvite() throws Exception {
		TestAccounts accounts = new TestAccounts(this.people, this.organisations, this.hasher);
		Person first = accounts.person("premier");
		Person removed = accounts.person("retire");
		Organisation organisation = accounts.approvedOrganisation(first);
		accounts.join(organisation.id(), removed, MembershipRole.MANAGER);
		String firstToken = OAuthClientAccess.accessToken(base(), first.email(), TestAccounts.PASSWORD);
		String removedToken = OAuthClientAccess.accessToken(base(), removed.email(), TestAccounts.PASSWORD);

		assertThat(send("DELETE", "/api/identity/organisations/" + organisation.id() + "/members/" + removed.id(),
				firstToken, null).statusCode()).isEqualTo(204);

		// 403 from the live membership, or already 401 if identity's own event was applied in between
		HttpResponse<String> invite = send("POST", "/api/identity/organisations/" + organisation.id() + "/invitations",
				removedToken, "{\"email\":\"complice@accounts.test\",\"role\":\"MANAGER\"}");
		assertThat(invite.statusCode()).as(invite.body()).isIn(401, 403);
		assertThat(send("PUT", "/api/identity/organisations/" + organisation.id() + "/members/" + first.id() + "/role",
				removedToken, "{\"role\":\"MEMBER\"}").statusCode()).isIn(401, 403);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> send("GET", "/api/identity/me", removedToken, null).statusCode() == 401);
	}

	@Test
	void theLiveMembershipDecidesBeforeAnyEventIsApplied() {
		TestAccounts accounts = new TestAccounts(this.people, this.organisations, this.hasher);
		Person first = accounts.person("premier");
		Person removed = accounts.person("retire");
		Organisation organisation = accounts.approvedOrganisation(first);
		accounts.join(organisation.id(), removed, MembershipRole.MANAGER);
		// what the removed manager's still-valid token says about them
		Actor stale = new Actor(removed.id(), organisation.id(), Set.of(Actor.MANAGER));
		this.memberships.remove(new Actor(first.id(), organisation.id(), Set.of(Actor.MANAGER)), organisation.id(),
				removed.id());

		assertThatThrownBy(() -> this.memberships.invite(stale, organisation.id(), "complice@accounts.test",
				MembershipRole.MANAGER)).isInstanceOf(Refusal.class).extracting("type").isEqualTo("not-manager");
	}

	@Test
	void aDemotedManagersStillValidTokenCannotInvite() throws Exception {
		TestAccounts accounts = new TestAccounts(this.people, this.organisations, this.hasher);
		Person first = accounts.person("premier");
		Person demoted = accounts.person("retrograde");
		Organisation organisation = accounts.approvedOrganisation(first);
		accounts.join(organisation.id(), demoted, MembershipRole.MANAGER);
		String firstToken = OAuthClientAccess.accessToken(base(), first.email(), TestAccounts.PASSWORD);
		String demotedToken = OAuthClientAccess.accessToken(base(), demoted.email(), TestAccounts.PASSWORD);

		assertThat(send("PUT", "/api/identity/organisations/" + organisation.id() + "/members/" + demoted.id() + "/role",
				firstToken, "{\"role\":\"MEMBER\"}").statusCode()).isEqualTo(204);

		assertThat(send("POST", "/api/identity/organisations/" + organisation.id() + "/invitations", demotedToken,
				"{\"email\":\"complice@accounts.test\",\"role\":\"MANAGER\"}").statusCode()).isIn(401, 403);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
