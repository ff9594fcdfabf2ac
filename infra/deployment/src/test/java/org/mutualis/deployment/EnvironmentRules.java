package org.mutualis.deployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules an environment given to one service obeys, in compose as in Kubernetes: only listed variables the
 * service reads, every required one, secrets from secret stores only, internal URLs naming the right service and
 * port, the profile the configuration defines.
 */
final class EnvironmentRules {

	/** Where a value comes from. */
	enum Source {

		/** written in the file */
		LITERAL,

		/** compose's {@code ${NAME...}} interpolation, from the shell or {@code .env} */
		INTERPOLATED,

		/** a Kubernetes ConfigMap key */
		CONFIG_MAP,

		/** a Kubernetes Secret key */
		SECRET

	}

	/**
	 * One variable's value as a deployment gives it.
	 *
	 * @param value the value (a ConfigMap's value resolved; empty from a Secret)
	 * @param source where it comes from
	 */
	record Setting(String value, Source source) {
	}

	private EnvironmentRules() {
	}

	/**
	 * Checks one service's environment.
	 * @param where how violations name the place (e.g. {@code compose service booking})
	 * @param service the service
	 * @param environment its variables
	 * @param hostOf the host name under which a service is reached in this deployment
	 * @param portOf the port on which a service is reached in this deployment
	 * @return violations, empty when none
	 */
	static List<String> check(String where, Service service, Map<String, Setting> environment,
			Function<Service, String> hostOf, Function<Service, Integer> portOf) {
		List<String> violations = new ArrayList<>();
		environment.forEach((name, setting) -> {
			DeploymentVariable variable = DeploymentVariable.named(name);
			if (variable == null) {
				violations.add(where + " sets " + name + ", which is not in DeploymentVariable (no configuration reads it)");
				return;
			}
			if (!variable.services().contains(service)) {
				violations.add(where + " sets " + name + ", which " + service.serviceName() + " does not read");
				return;
			}
			if (variable.secret() && setting.source() != Source.INTERPOLATED && setting.source() != Source.SECRET) {
				violations.add(where + " gives the secret " + name + " as " + setting.source()
						+ " (a Secret or ${...} from the environment only)");
			}
			if (variable.binding().kind() == DeploymentVariable.Binding.Kind.PROFILE
					&& !setting.value().equals(variable.binding().name())) {
				violations.add(where + " sets " + name + "=" + setting.value() + ", expected "
						+ variable.binding().name());
			}
			if (variable.pointsAt() != null && setting.source() != Source.SECRET) {
				checkAddress(where, name, setting.value(), variable.pointsAt(), hostOf, portOf, violations);
			}
		});
		for (DeploymentVariable variable : DeploymentVariable.values()) {
			if (variable.need() == DeploymentVariable.Need.REQUIRED && variable.services().contains(service)
					&& !environment.containsKey(variable.name())) {
				violations.add(where + " lacks " + variable.name() + " (" + variable.meaning() + ")");
			}
		}
		return violations;
	}

	private static void checkAddress(String where, String name, String value, Service target,
			Function<Service, String> hostOf, Function<Service, Integer> portOf, List<String> violations) {
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			violations.add(where + " sets " + name + " to " + value + ", which is not a URL");
			return;
		}
		String expected = hostOf.apply(target) + ":" + portOf.apply(target);
		if (!expected.equals(uri.getHost() + ":" + uri.getPort())) {
			violations.add(where + " sets " + name + " to " + value + ", but " + target.serviceName() + " is at "
					+ expected);
		}
	}

}
