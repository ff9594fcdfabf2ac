package org.mutualis.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port with the demo data, its Kafka and MongoDB, e-mail to GreenMail on a free
 * port ({@link TestSmtp}; a test class that sends mail holds {@code TestSmtp.server()} in a static field, which
 * chooses the port before the context starts), the mail queue sent every 200 ms and retried after a second, and the
 * issuer taken from each request (so it is the test server's URL). Every IT uses the same settings, so they share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.identity.issuer=", "mutualis.identity.public-url=http://mutualis.test",
				"mutualis.demo.enabled=true", "spring.mail.host=127.0.0.1", "spring.mail.port=${mutualis.test.smtp-port}",
				"mutualis.mail.send-every=PT0.2S", "mutualis.mail.first-retry=PT1S", "mutualis.mail.max-retry-delay=PT2S" })
@WithInfrastructure
public @interface IdentityIntegrationTest {
}
