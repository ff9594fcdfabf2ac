package org.mutualis.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port with the demo data, its Kafka and MongoDB, e-mail to GreenMail on port
 * 3025, and the issuer taken from each request (so it is the test server's URL). Every IT uses the same settings,
 * so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.identity.issuer=", "mutualis.identity.public-url=http://mutualis.test",
				"mutualis.demo.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025" })
@WithInfrastructure
public @interface IdentityIntegrationTest {
}
