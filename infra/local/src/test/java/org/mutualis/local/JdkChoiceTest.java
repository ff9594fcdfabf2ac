package org.mutualis.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code infra/local/jdk.sh}, which ./mvnw and infra/local/start both source to choose a JDK 21+. */
class JdkChoiceTest {

	private static final Path SCRIPT = Repository.find().resolve("infra/local/jdk.sh");

	private static final String THIS_JDK = Path.of(System.getProperty("java.home")).toString();

	@TempDir
	Path temp;

	@Test
	void aRecentEnoughJavaHomeIsKept() throws Exception {
		assertThat(chosen(Map.of("JAVA_HOME", THIS_JDK))).isEqualTo(THIS_JDK + "\n");
	}

	@Test
	void anOldJavaHomeIsReplacedByAJdk21OrNewerFoundOnTheMachine() throws Exception {
		assumeTrue(THIS_JDK.startsWith("/usr/lib/jvm/") || THIS_JDK.startsWith("/opt/"),
				"this JVM is not where the script looks");
		String chosen = chosen(Map.of("JAVA_HOME", oldJdk().toString())).trim();
		assertThat(chosen).isNotEqualTo(oldJdk().toString());
		String release = Files.readString(Path.of(chosen, "release"), StandardCharsets.UTF_8);
		assertThat(Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"))).isGreaterThanOrEqualTo(21);
	}

	@Test
	void theSearchCanBeTurnedOffSoThatTheEnforcerSpeaks() throws Exception {
		assertThat(chosen(Map.of("JAVA_HOME", oldJdk().toString(), "MUTUALIS_JDK_SEARCH", "no")))
			.isEqualTo(oldJdk() + "\n");
	}

	private Path oldJdk() throws IOException {
		Path home = this.temp.resolve("jdk-17");
		Files.createDirectories(home.resolve("bin"));
		Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
		return home;
	}

	/** Sources the script with a minimal PATH (/usr/bin:/bin) and the given variables; answers its JAVA_HOME. */
	private static String chosen(Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". \"$1\" && echo \"$JAVA_HOME\"", "sh", SCRIPT.toString());
		builder.environment().clear();
		builder.environment().put("PATH", "/usr/bin:/bin");
		builder.environment().put("HOME", System.getProperty("user.home"));
		builder.environment().putAll(environment);
		Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isZero();
		return out;
	}

}
