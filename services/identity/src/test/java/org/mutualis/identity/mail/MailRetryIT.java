package org.mutualis.identity.mail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutualis.identity.IdentityIntegrationTest;
import org.mutualis.identity.TestSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An e-mail that proves identity is not lost when the mail server is away: the send fails, stays in the stored
 * queue with its error, is tried again with a growing wait, and is delivered once the server answers — once.
 */
@IdentityIntegrationTest
class MailRetryIT {

	@RegisterExtension
	static BeforeAllCallback smtpPort = TestSmtp.chosen();

	private static final String ADDRESS = "membre@jardins.demo";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@Test
	void aFailedSendIsRetriedAndDeliveredOnceTheServerAnswers() throws Exception {
		Date asked = new Date();
		double failuresBefore = failures();
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/identity/password-resets"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + ADDRESS + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(202);
		Query queued = Query.query(Criteria.where("to").is(ADDRESS).and("createdAt").gte(asked));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Document mail = this.mongo.findOne(queued, Document.class, "mail_queue");
			assertThat(mail).isNotNull();
			assertThat(mail.getInteger("attempts")).isGreaterThanOrEqualTo(2);
			assertThat(mail.getString("status")).isEqualTo("PENDING");
			assertThat(mail.getString("lastError")).isNotBlank();
		});
		assertThat(failures()).isGreaterThanOrEqualTo(failuresBefore + 2);
		GreenMail server = new GreenMail(TestSmtp.setup());
		server.start();
		try {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> server.getReceivedMessagesForDomain(ADDRESS).length > 0);
			// the queue records the send just after the server took the message
			await().atMost(Duration.ofSeconds(5)).until(
					() -> "SENT".equals(this.mongo.findOne(queued, Document.class, "mail_queue").getString("status")));
			assertThat(server.getReceivedMessagesForDomain(ADDRESS)[0].getSubject()).contains("mot de passe");
			// sent once: later runs of the job leave it alone
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
				.until(() -> server.getReceivedMessagesForDomain(ADDRESS).length == 1);
		}
		finally {
			server.stop();
		}
	}

	private double failures() {
		return this.meters.find("mutualis.mail.failures").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

}
