package org.mutualis.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.test.TestInfrastructure;
import org.mutualis.platform.test.TestRedis;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two identity instances on one database with {@code mutualis.sessions=redis}: a sign-in whose every request goes to
 * the other instance than the one before (the authorization request, the sign-in form, its post, the return to the
 * authorization, the token) still ends with a token, because the sign-in form's CSRF token, the saved authorization
 * request and the signed-in session are in Redis — what two pods behind a Kubernetes Service need.
 */
class SharedSessionsIT {

	@Test
	void aSignInWhoseRequestsAlternateBetweenTwoInstancesGetsItsToken() throws Exception {
		assumeTrue(TestRedis.available(), "neither redis-server (Debian package) nor Docker: shared sessions not tested");
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = infrastructure.freshMongoDatabaseUri("identity-shared-sessions");
		try (TestRedis redis = TestRedis.start();
				ConfigurableApplicationContext first = start(infrastructure, database, redis);
				ConfigurableApplicationContext second = start(infrastructure, database, redis)) {
			Person person = new TestAccounts(first.getBean(People.class), first.getBean(Organisations.class),
					first.getBean(PasswordHasher.class))
				.person("partagee");
			int[] ports = { port(first), port(second) };
			AtomicInteger requests = new AtomicInteger();
			Map<Integer, AtomicInteger> served = new ConcurrentHashMap<>();
			OAuthClient browser = new OAuthClient("http://localhost:" + ports[0], (url) -> {
				int port = ports[requests.getAndIncrement() % 2];
				served.computeIfAbsent(port, (p) -> new AtomicInteger()).incrementAndGet();
				URI uri = URI.create(url);
				return "http://localhost:" + port + uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			});

			OAuthClient.Authorization authorization = browser.authorize(person.email(), TestAccounts.PASSWORD, null);
			assertThat(authorization.code()).as("the sign-in ended with a code: %s", authorization.location())
				.isNotNull();
			String token = browser.token(authorization).get("access_token").asString();
			assertThat(OAuthClient.claims(token).get("sub").asString()).isEqualTo(person.id());

			assertThat(served).as("both instances took part").containsOnlyKeys(ports[0], ports[1]);
			assertThat(served.values()).allSatisfy((count) -> assertThat(count.get()).isGreaterThanOrEqualTo(2));
			try (RedisConnection connection = first.getBean(RedisConnectionFactory.class).getConnection()) {
				List<byte[]> keys = new ArrayList<>();
				connection.keyCommands().scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
					.match("mutualis:identity:session:*")
					.build()).forEachRemaining(keys::add);
				assertThat(keys).as("the sessions are in Redis, under identity's namespace").isNotEmpty();
			}
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext start(TestInfrastructure infrastructure, String database,
			TestRedis redis) {
		return new SpringApplicationBuilder(IdentityApplication.class).run("--server.port=0",
				"--spring.mongodb.uri=" + database, TestInfrastructure.databaseArgument(database),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--mutualis.demo.enabled=false", "--mutualis.sessions=redis",
				"--spring.data.redis.url=" + redis.url());
	}

}
