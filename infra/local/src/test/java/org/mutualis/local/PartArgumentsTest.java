package org.mutualis.local;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartArgumentsTest {

	private final Path data = Path.of("/tmp/mutualis-data");

	private final PartArguments offset = new PartArguments(100, "localhost:9192", "mongodb://localhost:27117", this.data,
			true);

	@Test
	void everyServiceGetsItsOffsetPortItsOwnDatabaseAndTheSharedEndpoints() {
		assertThat(this.offset.service(Part.BOOKING)).containsExactly("--server.port=8182", "--server.address=127.0.0.1",
				"--spring.mongodb.uri=mongodb://localhost:27117/booking",
				"--spring.kafka.bootstrap-servers=localhost:9192", "--mutualis.demo.enabled=true",
				"--mutualis.mail.mode=folder", "--mutualis.mail.folder=/tmp/mutualis-data/mail",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8180",
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9100/oauth2/jwks");
	}

	@Test
	void identityIssuesTokensInTheNameOfTheGateway() {
		assertThat(this.offset.service(Part.IDENTITY)).contains("--server.port=9100",
				"--mutualis.identity.issuer=http://localhost:8180", "--mutualis.identity.public-url=http://localhost:8180",
				"--mutualis.identity.signing-keys.key-file=/tmp/mutualis-data/identity/key-encryption.key");
	}

	@Test
	void gatewayRoutesToEveryUpstreamOnItsOffsetPort() {
		assertThat(this.offset.service(Part.GATEWAY)).contains("--server.port=8180",
				"--mutualis.gateway.services.identity=http://localhost:9100",
				"--mutualis.gateway.services.listings=http://localhost:8181",
				"--mutualis.gateway.services.booking=http://localhost:8182",
				"--mutualis.gateway.services.notifications=http://localhost:8183",
				"--mutualis.gateway.services.web=http://localhost:8184");
	}

	@Test
	void onlyTheGatewayFacesTheNetwork() {
		for (Part service : Part.services()) {
			if (service == Part.GATEWAY) {
				assertThat(this.offset.service(service)).noneMatch((arg) -> arg.startsWith("--server.address="));
			}
			else {
				assertThat(this.offset.service(service)).as(service.partName()).contains("--server.address=127.0.0.1");
			}
		}
	}

	@Test
	void demoDataCanBeTurnedOff() {
		PartArguments noDemo = new PartArguments(0, "localhost:9092", "mongodb://localhost:27017", this.data, false);
		assertThat(noDemo.service(Part.WEB)).contains("--server.port=8084", "--mutualis.demo.enabled=false");
	}

	@Test
	void servicesFindTheirOwnPlaceholdersInTheEnvironment() {
		assertThat(this.offset.environment(Part.WEB)).containsEntry("MUTUALIS_PUBLIC_URL", "http://localhost:8180")
			.containsEntry("MUTUALIS_IDENTITY_URL", "http://localhost:9100")
			.containsEntry("MUTUALIS_KAFKA", "localhost:9192");
	}

	@Test
	void databaseNameReplacesAnyDatabaseAndKeepsOptions() {
		assertThat(PartArguments.withDatabase("mongodb://localhost:27017", "web")).isEqualTo("mongodb://localhost:27017/web");
		assertThat(PartArguments.withDatabase("mongodb://localhost:27017/", "web")).isEqualTo("mongodb://localhost:27017/web");
		assertThat(PartArguments.withDatabase("mongodb://a:1,b:2/test?replicaSet=rs0", "web"))
			.isEqualTo("mongodb://a:1,b:2/web?replicaSet=rs0");
		assertThat(PartArguments.withDatabase("mongodb://localhost:1?directConnection=true", "web"))
			.isEqualTo("mongodb://localhost:1/web?directConnection=true");
	}

}
