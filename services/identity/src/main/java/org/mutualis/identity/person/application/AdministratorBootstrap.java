package org.mutualis.identity.person.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, grants administration to the people the deployment designates ({@code mutualis.identity.administrators})
 * whose accounts already exist; accounts proven later are granted as they are proven.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final PlatformAdministrators administrators;

	AdministratorBootstrap(PlatformAdministrators administrators) {
		this.administrators = administrators;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		int granted = this.administrators.grantDesignated();
		if (granted > 0) {
			logger.info("Granted platform administration to {} designated person(s)", granted);
		}
	}

}
