package org.mutualis.platform.production;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The production profile refuses demo data, folder mail and demo secrets, and says so clearly at start-up. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSafetyTest {

	@Test
	void aConfigurationFitForProductionPasses() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "listings")
			.withProperty("mutualis.demo.enabled", "false")
			.withProperty("mutualis.mail.mode", "smtp");
		assertThat(ProductionSafety.check(environment)).isEmpty();
	}

	@Test
	void demoDataFolderMailAndTheLocalModeAreRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("mutualis.demo.enabled", "true")
			.withProperty("mutualis.mail.mode", "folder")
			.withProperty("mutualis.web.local-mode", "true");
		assertThat(ProductionSafety.check(environment)).extracting(UnsafeSetting::property)
			.containsExactly("mutualis.demo.enabled", "mutualis.mail.mode", "mutualis.web.local-mode");
	}

	@Test
	void aSettingLeftAtADemoSecretIsRefusedWhereverItIsResolvedFrom() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "web")
			.withProperty("spring.security.oauth2.client.registration.mutualis.client-secret",
					"${MUTUALIS_WEB_CLIENT_SECRET:mutualis-web-demo-secret}");
		assertThat(ProductionSafety.check(environment)).extracting(UnsafeSetting::property)
			.containsExactly("spring.security.oauth2.client.registration.mutualis.client-secret");
		environment.setProperty("MUTUALIS_WEB_CLIENT_SECRET", "a-real-secret-of-forty-characters-000000");
		assertThat(ProductionSafety.check(environment)).isEmpty();
	}

	@Test
	void identityNeedsItsOwnSecretsAndKeyEncryptionKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "identity")
			.withProperty("mutualis.identity.clients.web.secret", "a-real-secret-of-forty-characters-000000");
		assertThat(ProductionSafety.check(environment)).extracting(UnsafeSetting::property)
			.containsExactly("mutualis.identity.clients.services.secret",
					"mutualis.identity.signing-keys.encryption-key");
	}

	@Test
	void theProductionProfileDoesNotStartWithDemoDataAndExplainsWhyInBothLanguages(CapturedOutput output) {
		assertThatExceptionOfType(UnsafeProductionSettings.class)
			.isThrownBy(() -> start("--spring.profiles.active=production", "--mutualis.demo.enabled=true",
					"--mutualis.mail.mode=folder"))
			.satisfies((failure) -> assertThat(failure.settings()).extracting(UnsafeSetting::property)
				.containsExactly("mutualis.demo.enabled", "mutualis.mail.mode"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Le profil « production » refuse de démarrer")
			.contains("The 'production' profile refuses to start")
			.contains("mutualis.demo.enabled : les données de démonstration")
			.contains("mutualis.mail.mode=smtp");
	}

	@Test
	void outsideProductionTheSameSettingsStart() {
		try (ConfigurableApplicationContext context = start("--mutualis.demo.enabled=true",
				"--mutualis.mail.mode=folder")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void productionWithRealSettingsStarts() {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=production",
				"--mutualis.mail.mode=smtp")) {
			assertThat(List.of(context.getEnvironment().getActiveProfiles())).containsExactly("production");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Guarded.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=listings", "spring.main.banner-mode=off")
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ProductionSafetyAutoConfiguration.class)
	@EnableConfigurationProperties
	static class Guarded {

	}

}
