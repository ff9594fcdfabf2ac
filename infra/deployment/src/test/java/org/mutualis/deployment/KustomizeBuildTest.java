package org.mutualis.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kustomize itself ({@code kubectl kustomize}, offline) renders {@code infra/k8s} into the namespace with every
 * manifest; skipped where no {@code kubectl} is installed.
 */
class KustomizeBuildTest {

	@Test
	void kustomizeRendersEveryManifestIntoTheNamespace() throws IOException, InterruptedException {
		Path kubectl = kubectl();
		assumeTrue(kubectl != null, "no kubectl on the PATH: kustomize rendering not checked");
		Path folder = Repository.root().resolve("infra/k8s");
		Process process = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		List<Object> rendered = new ArrayList<>();
		new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output).forEach(rendered::add);
		long applied = KubernetesRules.load(folder).stream().filter((m) -> !m.kind().equals("Secret")).count();
		assertThat(rendered).hasSize((int) applied);
		for (Object manifest : rendered) {
			if (!"Namespace".equals(Yamls.text(Yamls.at(manifest, "kind")))) {
				assertThat(Yamls.text(Yamls.at(manifest, "metadata.namespace"))).as(String.valueOf(manifest)).isEqualTo("mutualis");
			}
			assertThat(Yamls.map(Yamls.at(manifest, "metadata.labels"))).containsEntry("app.kubernetes.io/part-of", "mutualis");
		}
	}

	private static Path kubectl() {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(folder, "kubectl");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
