package org.mutualis.platform.production;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains, in French and English, why the {@code production} profile refused to start and what to change. */
class UnsafeProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettings> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettings cause) {
		String description = "Le profil « production » refuse de démarrer avec des réglages locaux ou de démonstration."
				+ " / The 'production' profile refuses to start with local or demo settings:\n"
				+ cause.settings()
					.stream()
					.map((setting) -> "  - " + setting.property() + " : " + setting.french() + " / " + setting.english())
					.collect(Collectors.joining("\n"));
		String action = "Désactivez les données de démonstration (mutualis.demo.enabled=false), envoyez les courriels par "
				+ "SMTP (mutualis.mail.mode=smtp) et fournissez de vrais secrets (variables d'environnement ou secrets du "
				+ "déploiement). / Turn demo data off (mutualis.demo.enabled=false), send e-mails over SMTP "
				+ "(mutualis.mail.mode=smtp) and give real secrets (environment variables or the deployment's secrets).";
		return new FailureAnalysis(description, action, cause);
	}

}
