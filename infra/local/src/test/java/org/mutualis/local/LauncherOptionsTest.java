package org.mutualis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LauncherOptionsTest {

	@Test
	void defaultsStartEverythingWithDemoDataInDotData() {
		LauncherOptions options = LauncherOptions.parse();
		assertThat(options.dataDirectory()).isEqualTo(Path.of("data"));
		assertThat(options.fresh()).isFalse();
		assertThat(options.demoData()).isTrue();
		assertThat(options.portOffset()).isZero();
		assertThat(options.parts()).isEqualTo(EnumSet.allOf(Part.class));
		assertThat(options.classDataSharing()).as("AppCDS is opt-in").isFalse();
		assertThat(options.throughput()).isFalse();
	}

	@Test
	void readsEveryOption() {
		LauncherOptions options = LauncherOptions.parse("--fresh", "--no-demo", "--port-offset", "100", "--data", "/x",
				"--parts", "kafka,store,booking", "--cds", "--throughput");
		assertThat(options.fresh()).isTrue();
		assertThat(options.demoData()).isFalse();
		assertThat(options.portOffset()).isEqualTo(100);
		assertThat(options.dataDirectory()).isEqualTo(Path.of("/x"));
		assertThat(options.parts()).containsExactly(Part.KAFKA, Part.STORE, Part.BOOKING);
		assertThat(options.classDataSharing()).isTrue();
		assertThat(options.throughput()).isTrue();
		assertThat(LauncherOptions.parse("--no-cds").classDataSharing()).isFalse();
	}

	@Test
	void readsHowManyInstancesOfEachPartToRun() {
		assertThat(LauncherOptions.parse().instances()).isEmpty();
		assertThat(LauncherOptions.parse("--instances", "booking=2,listings=2,notifications=3").instances())
			.containsOnly(Map.entry(Part.BOOKING, 2), Map.entry(Part.LISTINGS, 2), Map.entry(Part.NOTIFICATIONS, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--instances", "web=2"))
			.withMessageContaining("only listings, booking and notifications");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--instances", "booking=10"));
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--instances", "booking"))
			.withMessageContaining("part=N");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--instances", "booking=two"));
	}

	@Test
	void explainsWrongArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--port-offset"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--port-offset", "abc"))
			.withMessageContaining("number");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--parts", "kafka,bookings"))
			.withMessageContaining("unknown part 'bookings'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--frsh"))
			.withMessageContaining("unknown option");
	}

	@Test
	void freshWipesTheDataDirectoryButNeverTheRepository(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("data");
		Files.createDirectories(data.resolve("kafka"));
		Files.writeString(data.resolve("kafka/meta.properties"), "x");
		Launcher.wipe(data);
		assertThat(data).doesNotExist();
		Files.writeString(dir.resolve("pom.xml"), "<project/>");
		assertThatIOException().isThrownBy(() -> Launcher.wipe(dir)).withMessageContaining("refusing");
	}

}
