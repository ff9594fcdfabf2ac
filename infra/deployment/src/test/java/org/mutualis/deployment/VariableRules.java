package org.mutualis.deployment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mutualis.deployment.DeploymentVariable.Binding.Kind;

/**
 * The rules tying {@link DeploymentVariable} to the services' configuration, both ways: every variable the code reads
 * is listed for exactly the services that read it, and every listed variable is read as the list says.
 */
final class VariableRules {

	private final Map<Service, ServiceConfiguration> configurations;

	VariableRules(Map<Service, ServiceConfiguration> configurations) {
		this.configurations = configurations;
	}

	/** @return the violations of every rule */
	List<String> all() {
		List<String> violations = new ArrayList<>();
		violations.addAll(unlistedPlaceholders());
		violations.addAll(placeholderReaders());
		violations.addAll(optionalWithoutDefault());
		violations.addAll(unboundProperties());
		violations.addAll(undefinedProfiles());
		return violations;
	}

	/** Every {@code ${VARIABLE}} a service's configuration or code reads is in the list. */
	List<String> unlistedPlaceholders() {
		List<String> violations = new ArrayList<>();
		this.configurations.forEach((service, configuration) -> {
			for (String variable : configuration.variablesRead()) {
				DeploymentVariable listed = DeploymentVariable.named(variable);
				if (listed == null || listed.binding().kind() != Kind.PLACEHOLDER) {
					violations.add(service.serviceName() + " reads ${" + variable
							+ "}, which DeploymentVariable does not list as a placeholder");
				}
			}
		});
		return violations;
	}

	/** A listed placeholder is listed for exactly the services that read it. */
	List<String> placeholderReaders() {
		List<String> violations = new ArrayList<>();
		for (DeploymentVariable variable : DeploymentVariable.values()) {
			if (variable.binding().kind() != Kind.PLACEHOLDER) {
				continue;
			}
			Set<Service> readers = EnumSet.noneOf(Service.class);
			this.configurations.forEach((service, configuration) -> {
				if (configuration.variablesRead().contains(variable.name())) {
					readers.add(service);
				}
			});
			for (Service service : variable.services()) {
				if (this.configurations.containsKey(service) && !readers.contains(service)) {
					violations.add(variable.name() + " is listed for " + service.serviceName() + ", which does not read it");
				}
			}
			for (Service service : readers) {
				if (!variable.services().contains(service)) {
					violations.add(variable.name() + " is read by " + service.serviceName() + ", which the list omits");
				}
			}
		}
		return violations;
	}

	/** A variable some service cannot start without (no default) is required of every deployment. */
	List<String> optionalWithoutDefault() {
		List<String> violations = new ArrayList<>();
		this.configurations.forEach((service, configuration) -> {
			for (String variable : configuration.variablesRead()) {
				DeploymentVariable listed = DeploymentVariable.named(variable);
				if (listed != null && listed.need() == DeploymentVariable.Need.OPTIONAL
						&& configuration.readsWithoutDefault(variable)) {
					violations.add(service.serviceName() + " reads ${" + variable
							+ "} without a default, but the list calls it optional");
				}
			}
		});
		return violations;
	}

	/**
	 * A variable bound to a property is the property's relaxed-binding name, and each service it is listed for binds
	 * that property.
	 */
	List<String> unboundProperties() {
		List<String> violations = new ArrayList<>();
		for (DeploymentVariable variable : DeploymentVariable.values()) {
			if (variable.binding().kind() != Kind.PROPERTY) {
				continue;
			}
			String property = variable.binding().name();
			if (!ServiceConfiguration.environmentVariableOf(property).equals(variable.name())) {
				violations.add(variable.name() + " does not bind " + property + " (that is "
						+ ServiceConfiguration.environmentVariableOf(property) + ")");
			}
			for (Service service : variable.services()) {
				ServiceConfiguration configuration = this.configurations.get(service);
				if (configuration != null && !configuration.binds(property)) {
					violations.add(variable.name() + ": " + service.serviceName() + " has no property " + property);
				}
			}
		}
		return violations;
	}

	/** A profile a deployment activates is defined in each service's configuration it is listed for. */
	List<String> undefinedProfiles() {
		List<String> violations = new ArrayList<>();
		for (DeploymentVariable variable : DeploymentVariable.values()) {
			if (variable.binding().kind() != Kind.PROFILE) {
				continue;
			}
			for (Service service : variable.services()) {
				ServiceConfiguration configuration = this.configurations.get(service);
				if (configuration != null && !configuration.profiles().contains(variable.binding().name())) {
					violations.add(variable.name() + ": " + service.serviceName() + " defines no profile "
							+ variable.binding().name());
				}
			}
		}
		return violations;
	}

}
