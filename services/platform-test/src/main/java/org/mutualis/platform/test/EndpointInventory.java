package org.mutualis.platform.test;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Lists the endpoints a service exposes as {@code "METHOD /path/{var}"}, so that an authorisation matrix can
 * fail when an endpoint has no row.
 */
public final class EndpointInventory {

	private EndpointInventory() {
	}

	/**
	 * Lists the application's own endpoints (framework error and actuator endpoints excluded).
	 * @param mapping the service's handler mapping
	 * @return sorted endpoint keys
	 */
	public static Set<String> of(RequestMappingHandlerMapping mapping) {
		Set<String> endpoints = new TreeSet<>();
		mapping.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("org.mutualis")) {
				return;
			}
			for (String pattern : patterns(info)) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					endpoints.add("ANY " + pattern);
				}
				for (RequestMethod requestMethod : methods) {
					endpoints.add(requestMethod.name() + " " + pattern);
				}
			}
		});
		return endpoints;
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null) ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

}
