package org.mutualis.platform.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * What the {@code production} profile refuses: demo data, e-mails written to a folder, the local/demo mode said
 * explicitly, any setting left at one of the committed (public) demo secrets, and identity without its own client
 * secrets and key-encryption key.
 */
public final class ProductionSafety {

	/** The profile that turns the guard on. */
	public static final String PROFILE = "production";

	/** Secrets committed in the repository for the local/demo mode: anyone can read them. */
	static final Set<String> DEMO_SECRETS = Set.of("mutualis-web-demo-secret", "mutualis-services-demo-secret",
			"Mutualis-Demo-2026");

	/** Identity's secrets without a usable default: the code's defaults are the demo values. */
	static final List<String> IDENTITY_SECRETS = List.of("mutualis.identity.clients.web.secret",
			"mutualis.identity.clients.services.secret", "mutualis.identity.signing-keys.encryption-key");

	private ProductionSafety() {
	}

	/**
	 * Lists what the production profile refuses in a configuration.
	 * @param environment the configuration
	 * @return the refused settings, empty when the configuration is fit for production
	 */
	public static List<UnsafeSetting> check(Environment environment) {
		List<UnsafeSetting> unsafe = new ArrayList<>();
		if (environment.getProperty("mutualis.demo.enabled", Boolean.class, false)) {
			unsafe.add(new UnsafeSetting("mutualis.demo.enabled",
					"les données de démonstration (comptes au mot de passe public) sont activées",
					"demo data (accounts with a public password) is enabled"));
		}
		if ("folder".equalsIgnoreCase(environment.getProperty("mutualis.mail.mode", "").trim())) {
			unsafe.add(new UnsafeSetting("mutualis.mail.mode",
					"les courriels sont écrits dans un dossier au lieu d'être envoyés (mode « folder »)",
					"e-mails are written to a folder instead of being sent (mode 'folder')"));
		}
		for (String localMode : List.of("mutualis.identity.local-mode", "mutualis.web.local-mode")) {
			if (environment.getProperty(localMode, Boolean.class, false)) {
				unsafe.add(new UnsafeSetting(localMode, "le mode local/démonstration est demandé",
						"the local/demo mode is asked for"));
			}
		}
		for (String property : demoSecretProperties(environment)) {
			unsafe.add(new UnsafeSetting(property, "la valeur est un secret de démonstration public (dans le dépôt)",
					"the value is a public demo secret (in the repository)"));
		}
		if ("identity".equals(environment.getProperty("spring.application.name"))) {
			for (String secret : IDENTITY_SECRETS) {
				if (environment.getProperty(secret, "").isBlank()) {
					unsafe.add(new UnsafeSetting(secret, "ce secret n'est pas fourni (la valeur par défaut est publique)",
							"this secret is not given (the default is public)"));
				}
			}
		}
		return unsafe;
	}

	/**
	 * Checks a configuration when the production profile is active.
	 * @param environment the configuration
	 * @throws UnsafeProductionSettings naming every refused setting
	 */
	public static void require(Environment environment) {
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		List<UnsafeSetting> unsafe = check(environment);
		if (!unsafe.isEmpty()) {
			throw new UnsafeProductionSettings(unsafe);
		}
	}

	private static Set<String> demoSecretProperties(Environment environment) {
		Set<String> found = new TreeSet<>();
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return found;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (isDemoSecret(resolved(environment, name))) {
						found.add(name);
					}
				}
			}
		}
		return found;
	}

	private static String resolved(Environment environment, String name) {
		try {
			return environment.getProperty(name, "");
		}
		catch (RuntimeException ex) {
			// a value that is not text or names a missing placeholder holds no secret of ours
			return "";
		}
	}

	private static boolean isDemoSecret(String value) {
		return DEMO_SECRETS.contains(value.trim());
	}

}
