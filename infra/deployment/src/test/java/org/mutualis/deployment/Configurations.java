package org.mutualis.deployment;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every service's configuration, read once per test run.
 */
final class Configurations {

	private static final Map<Service, ServiceConfiguration> ALL = new EnumMap<>(Service.class);

	private Configurations() {
	}

	/** @return every service's configuration, read from the repository */
	static synchronized Map<Service, ServiceConfiguration> all() {
		if (ALL.isEmpty()) {
			Path repository = Repository.root();
			for (Service service : Service.values()) {
				ALL.put(service, ServiceConfiguration.read(repository, service));
			}
		}
		return Map.copyOf(ALL);
	}

}
