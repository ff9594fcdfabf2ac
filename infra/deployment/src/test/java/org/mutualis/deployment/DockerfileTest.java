package org.mutualis.deployment;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.deployment.DockerfileRules.Instruction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile obeys every {@link DockerfileRules} rule, the compose health checks call what it installs, and
 * each rule fails on a planted bad Dockerfile.
 */
class DockerfileTest {

	private final Path repository = Repository.root();

	private final List<Instruction> dockerfile = DockerfileRules
		.parse(Repository.text(this.repository.resolve(ComposeRules.DOCKERFILE)));

	private final List<Instruction> planted = DockerfileRules
		.parse(Repository.text(Path.of("src/test/resources/planted/docker/Dockerfile")));

	@Test
	void dockerfileObeysEveryRule() {
		assertThat(DockerfileRules.all(this.dockerfile)).isEmpty();
	}

	@Test
	void composeHealthChecksRunWhatTheImageHolds() {
		Object compose = Repository.yamlDocuments(this.repository.resolve("infra/compose.yaml")).getFirst();
		List<String> copied = DockerfileRules.copiedFiles(this.dockerfile);
		ComposeRules.services(compose).forEach((name, definition) -> {
			if (Service.named(name).isPresent()) {
				String program = Yamls.text(Yamls.list(Yamls.at(definition, "healthcheck.test")).get(1));
				assertThat(copied).as(name + "'s health check program is in the image").contains(program);
			}
		});
		assertThat(this.repository.resolve("infra/docker/healthcheck")).isExecutable();
	}

	@Test
	void unpinnedOrOldBaseImagesAreFound() {
		assertThat(DockerfileRules.baseImages(this.planted)).containsExactly(
				"FROM eclipse-temurin:latest is not a pinned JRE/JDK image (e.g. eclipse-temurin:21.0.8_9-jre-noble)",
				"FROM openjdk:17.0.2-jdk-slim is older than Java 21");
	}

	@Test
	void aJarInOneLayerIsFound() {
		assertThat(DockerfileRules.layeredJar(this.planted)).contains("the Dockerfile declares no ARG MODULE",
				"the Dockerfile copies no ${MODULE}/target/*-exec.jar",
				"the Dockerfile does not extract the jar's layers with the launcher (java -Djarmode=tools -jar ... extract --layers --launcher)",
				"the Dockerfile does not copy the layer dependencies on its own",
				"the Dockerfile's ENTRYPOINT does not start Boot's JarLauncher: [\"java\", \"-jar\", \"/app.jar\"]");
	}

	@Test
	void aRootUserIsFound() {
		assertThat(DockerfileRules.nonRootUser(this.planted)).containsExactly("the image runs as root (USER root)");
	}

}
