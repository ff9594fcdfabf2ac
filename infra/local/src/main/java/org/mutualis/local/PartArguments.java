package org.mutualis.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line arguments each service is started with: ports, infrastructure endpoints, issuer, JWK set and
 * upstream URLs; every service but the gateway listens on the loopback address only. This is the one place to adjust when a service renames a property.
 */
final class PartArguments {

	/** The address every part but the gateway listens on. */
	static final String LOOPBACK = "127.0.0.1";

	private final int portOffset;

	private final String kafkaBootstrap;

	private final String mongoBase;

	private final Path dataDirectory;

	private final boolean demoData;

	private final Map<Part, Integer> instances;

	/**
	 * Creates the arguments of one stack.
	 * @param portOffset added to every port
	 * @param kafkaBootstrap bootstrap servers the services use
	 * @param mongoBase MongoDB connection string without a database name
	 * @param dataDirectory the stack's data directory
	 * @param demoData whether services load their demo data
	 */
	PartArguments(int portOffset, String kafkaBootstrap, String mongoBase, Path dataDirectory, boolean demoData) {
		this(portOffset, kafkaBootstrap, mongoBase, dataDirectory, demoData, Map.of());
	}

	/**
	 * Creates the arguments of one stack whose scalable parts may run several instances.
	 * @param portOffset added to every port
	 * @param kafkaBootstrap bootstrap servers the services use
	 * @param mongoBase MongoDB connection string without a database name
	 * @param dataDirectory the stack's data directory
	 * @param demoData whether services load their demo data
	 * @param instances how many instances of a part run, where more than one
	 */
	PartArguments(int portOffset, String kafkaBootstrap, String mongoBase, Path dataDirectory, boolean demoData,
			Map<Part, Integer> instances) {
		this.instances = Map.copyOf(instances);
		this.portOffset = portOffset;
		this.kafkaBootstrap = kafkaBootstrap;
		this.mongoBase = mongoBase;
		this.dataDirectory = dataDirectory;
		this.demoData = demoData;
	}

	/** @return the bootstrap servers the services use */
	String kafkaBootstrap() {
		return this.kafkaBootstrap;
	}

	/** @return the MongoDB connection string, without database, the services use */
	String mongoBase() {
		return this.mongoBase;
	}

	int port(Part part) {
		return port(Instance.first(part));
	}

	int port(Instance instance) {
		return instance.part().basePort() + this.portOffset + instance.portShift();
	}

	String localUrl(Part part) {
		return localUrl(Instance.first(part));
	}

	String localUrl(Instance instance) {
		return "http://localhost:" + port(instance);
	}

	/**
	 * @param part a part
	 * @return its instances, the first one first
	 */
	List<Instance> instancesOf(Part part) {
		int count = this.instances.getOrDefault(part, 1);
		List<Instance> all = new ArrayList<>();
		for (int number = 1; number <= count; number++) {
			all.add(new Instance(part, number));
		}
		return all;
	}

	/**
	 * The arguments after {@code -jar <jar>} of a service.
	 * @param service a service part
	 * @return its arguments
	 */
	List<String> service(Part service) {
		return service(Instance.first(service));
	}

	/**
	 * The arguments after {@code -jar <jar>} of one instance of a service.
	 * @param instance an instance of a service part
	 * @return its arguments
	 */
	List<String> service(Instance instance) {
		Part service = instance.part();
		List<String> args = new ArrayList<>(common(instance));
		args.addAll(switch (service) {
			case IDENTITY -> identity();
			case GATEWAY -> gateway();
			case WEB -> web();
			case LISTINGS, BOOKING, NOTIFICATIONS -> List.of();
			case KAFKA, STORE -> throw new IllegalArgumentException(service + " is not a service");
		});
		return args;
	}

	/**
	 * Environment variables of a service: the placeholders the services' own configuration uses
	 * ({@code MUTUALIS_PUBLIC_URL}, {@code MUTUALIS_IDENTITY_URL}, ...), so offset ports reach them too.
	 * @param service a service part
	 * @return variables to add to the child's environment
	 */
	Map<String, String> environment(Part service) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("MUTUALIS_PUBLIC_URL", localUrl(Part.GATEWAY));
		environment.put("MUTUALIS_ISSUER", localUrl(Part.GATEWAY));
		environment.put("MUTUALIS_IDENTITY_URL", localUrl(Part.IDENTITY));
		environment.put("MUTUALIS_JWKS", localUrl(Part.IDENTITY) + "/oauth2/jwks");
		environment.put("MUTUALIS_KAFKA", this.kafkaBootstrap);
		return environment;
	}

	private List<String> common(Instance instance) {
		Part service = instance.part();
		String issuer = localUrl(Part.GATEWAY);
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + port(instance));
		if (service != Part.GATEWAY) {
			// only the gateway, with its token, size and rate checks, faces the network
			args.add("--server.address=" + LOOPBACK);
		}
		args.addAll(List.of(
				"--spring.mongodb.uri=" + withDatabase(this.mongoBase, service.partName()),
				"--spring.kafka.bootstrap-servers=" + this.kafkaBootstrap,
				"--mutualis.demo.enabled=" + this.demoData,
				"--mutualis.mail.mode=folder",
				"--mutualis.mail.folder=" + this.dataDirectory.resolve("mail"),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + localUrl(Part.IDENTITY) + "/oauth2/jwks"));
		return args;
	}

	private List<String> identity() {
		String publicUrl = localUrl(Part.GATEWAY);
		return List.of("--mutualis.identity.issuer=" + publicUrl, "--mutualis.identity.public-url=" + publicUrl,
				// the local mode's generated key that encrypts signing keys at rest lives with the stack's other data
				"--mutualis.identity.signing-keys.key-file=" + this.dataDirectory.resolve("identity/key-encryption.key"));
	}

	private List<String> gateway() {
		List<String> routes = new ArrayList<>();
		for (Part upstream : List.of(Part.IDENTITY, Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS, Part.WEB)) {
			// every instance: the gateway balances over them and routes around one that is down
			routes.add("--mutualis.gateway.services." + upstream.partName() + "="
					+ String.join(",", instancesOf(upstream).stream().map(this::localUrl).toList()));
		}
		return routes;
	}

	private List<String> web() {
		// web calls the services with the person's token at their internal addresses, not through the gateway
		List<String> services = new ArrayList<>();
		for (Part upstream : List.of(Part.IDENTITY, Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS)) {
			services.add("--mutualis.web.services." + upstream.partName() + "=" + localUrl(upstream));
		}
		return services;
	}

	/**
	 * Puts a database name into a MongoDB connection string, keeping its options.
	 * @param uri a connection string, with or without a database
	 * @param database the database name
	 * @return the connection string naming that database
	 */
	static String withDatabase(String uri, String database) {
		int query = uri.indexOf('?');
		String options = (query >= 0) ? uri.substring(query) : "";
		String hosts = (query >= 0) ? uri.substring(0, query) : uri;
		int schemeEnd = hosts.indexOf("://") + 3;
		int slash = hosts.indexOf('/', schemeEnd);
		if (slash >= 0) {
			hosts = hosts.substring(0, slash);
		}
		return hosts + "/" + database + options;
	}

}
