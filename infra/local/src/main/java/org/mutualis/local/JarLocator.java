package org.mutualis.local;

import java.nio.file.Path;

/** Says where the executable jar of a service is. */
@FunctionalInterface
public interface JarLocator {

	/**
	 * Finds a service's executable jar.
	 * @param service a service part
	 * @return the path of its jar, which may not exist
	 */
	Path jarOf(Part service);

	/**
	 * The layout of this repository: {@code services/<name>/target/<name>-exec.jar} and
	 * {@code gateway/target/gateway-exec.jar} (the Boot plugin's {@code exec} classifier on a {@code finalName}
	 * equal to the service name).
	 * @param repository the repository root
	 * @return the locator
	 */
	static JarLocator inRepository(Path repository) {
		return (service) -> {
			String name = service.partName();
			Path module = (service == Part.GATEWAY) ? repository.resolve("gateway")
					: repository.resolve("services").resolve(name);
			return module.resolve("target").resolve(name + "-exec.jar");
		};
	}

}
