package org.mutualis.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.mutualis.contracts.EventContracts;
import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.directory.Organisations;
import org.mutualis.notifications.directory.People;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * One shared application context for the notifications tests, on the shared Kafka and a fresh database, with one
 * GreenMail SMTP server for the whole run; events are made from the contract examples, so that tests feed exactly
 * what the other services publish.
 */
@SpringBootTest(properties = { "mutualis.mail.send-every=PT1H", "mutualis.mail.scan-every=PT1H", "mutualis.notifications.stream.max-per-person=50",
		"mutualis.notifications.stream.poll=PT0.2S", "mutualis.notifications.stream.heartbeat=PT0.5S",
		"mutualis.notifications.administrators=" + NotificationsTestSupport.ADMIN_BY_ID + ","
				+ NotificationsTestSupport.ADMIN_EMAIL })
@AutoConfigureMockMvc
@WithInfrastructure
public abstract class NotificationsTestSupport {

	/** An administrator configured by person id. */
	protected static final String ADMIN_BY_ID = "9a0b0001-0000-4000-8000-0000000000ad";

	/** An administrator configured by e-mail address, whoever identity says has it (case-insensitive). */
	protected static final String ADMIN_EMAIL = "Admin@Mutualis.test";

	/** The SMTP server every test's e-mail goes to. */
	protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected People people;

	@Autowired
	protected Organisations organisations;

	@Autowired
	protected Memberships memberships;

	/** The owning organisation of the test's listing, managed by {@link #ownerManager} (French). */
	protected String owner;

	/** The borrowing organisation, whose {@link #requester} (English) asks for bookings. */
	protected String borrower;

	protected String ownerManager;

	protected String requester;

	protected String listing;

	@BeforeEach
	void freshOrganisations() {
		this.owner = UUID.randomUUID().toString();
		this.borrower = UUID.randomUUID().toString();
		this.ownerManager = UUID.randomUUID().toString();
		this.requester = UUID.randomUUID().toString();
		this.listing = UUID.randomUUID().toString();
		this.organisations.record(this.owner, "APPROVED", "Centre communautaire Le Phare", "fr", Instant.now());
		this.organisations.record(this.borrower, "APPROVED", "Coopérative La Ruche", "en", Instant.now());
		this.people.record(this.ownerManager, this.ownerManager + "@lephare.test", "Gestion Le Phare", "fr");
		this.people.record(this.requester, this.requester + "@laruche.test", "Member La Ruche", "en");
		this.memberships.join(this.owner, this.ownerManager, "MANAGER");
		this.memberships.join(this.borrower, this.requester, "MEMBER");
	}

	/**
	 * A booking event of the test's organisations made from its contract example, with a fresh event id.
	 * @param fact e.g. {@code requested}
	 * @param data data fields to set besides the organisations, requester and listing
	 * @return the envelope's JSON text
	 */
	protected String bookingEvent(String fact, Map<String, ?> data) {
		return event("mutualis.booking." + fact + ".v1", Map.of("ownerOrganisationId", this.owner,
				"borrowerOrganisationId", this.borrower, "requesterId", this.requester, "listingId", this.listing), data);
	}

	/**
	 * An event made from its contract example, with a fresh event id and data fields replaced.
	 * @param type the event type
	 * @param fields data fields to set
	 * @param more more data fields to set
	 * @return the envelope's JSON text
	 */
	protected String event(String type, Map<String, ?> fields, Map<String, ?> more) {
		String example = EventContracts.examples("mutualis.").get(type);
		if (example == null) {
			throw new IllegalArgumentException("no contract example for " + type);
		}
		ObjectNode envelope = (ObjectNode) this.json.readTree(example);
		envelope.put("id", UUID.randomUUID().toString());
		ObjectNode node = (ObjectNode) envelope.get("data");
		fields.forEach((field, value) -> node.set(field, this.json.valueToTree(value)));
		more.forEach((field, value) -> node.set(field, this.json.valueToTree(value)));
		for (String subject : List.of("bookingId", "listingId", "organisationId", "personId")) {
			if (node.hasNonNull(subject)) {
				envelope.put("subject", node.get(subject).asString());
				break;
			}
		}
		return this.json.writeValueAsString(envelope);
	}

	/**
	 * Authenticates a MockMvc request as a person.
	 * @param personId the person
	 * @param organisation the organisation they act for, if any
	 * @param role their role
	 * @return the post-processor
	 */
	protected static RequestPostProcessor as(String personId, @Nullable String organisation, String role) {
		return jwt().jwt((builder) -> {
			builder.subject(personId).claim("roles", List.of(role)).audience(List.of("mutualis-api"));
			if (organisation != null) {
				builder.claim("org", organisation);
			}
		}).authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

	/**
	 * Reads a response body as JSON.
	 * @param result the result
	 * @return its JSON
	 * @throws Exception when unreadable
	 */
	protected JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
