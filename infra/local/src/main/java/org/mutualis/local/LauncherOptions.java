package org.mutualis.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options of the {@link Launcher}.
 * @param dataDirectory where data, logs and e-mails go
 * @param fresh whether to wipe the data directory first
 * @param demoData whether services load demo data
 * @param portOffset added to every port
 * @param parts the parts to start
 * @param classDataSharing whether services use an AppCDS archive
 * @param throughput whether every part runs with the full JIT and larger heaps, for sustained load
 * @param help whether only the usage was asked for
 * @param instances how many instances of a part run, where more than one
 */
record LauncherOptions(Path dataDirectory, boolean fresh, boolean demoData, int portOffset, Set<Part> parts,
		boolean classDataSharing, boolean throughput, boolean help, Map<Part, Integer> instances) {

	static final String USAGE = """
			usage: infra/local/start [--fresh] [--no-demo] [--port-offset N] [--data DIR] [--parts a,b,...]
			                         [--instances part=N,...] [--cds] [--throughput] [--no-build]
			  --fresh           wipe the data directory (Kafka, store, e-mails, logs) before starting
			  --no-demo         start without the demo organisations, people and listings
			  --port-offset N   add N to every port (gateway 8080+N, Kafka 9092+N, store 27017+N, ...)
			  --data DIR        data directory (default ./data)
			  --parts a,b,...   start only these parts: kafka, store, identity, listings, booking,
			                    notifications, web, gateway (default: all)
			  --instances part=N,...  run N instances of listings, booking or notifications (N <= 9), e.g.
			                    booking=2,listings=2,notifications=2: instance k listens on the first one's
			                    port + 100 x (k-1), logs to DIR/logs/<part>-k.log; the gateway balances over all
			  --cds             keep an AppCDS archive per service in DIR/cds: later starts are faster, and the
			                    first stop after a build is slower (each service writes its archive as it exits)
			  --throughput      full JIT and larger heaps for every part (sustained load, benchmarks);
			                    the default favours a fast start and little memory (C1 only, small heaps)
			  --no-build        (start script only) never run Maven, even if a jar looks stale
			""";

	/**
	 * Parses the arguments.
	 * @param args the command line
	 * @return the options
	 * @throws IllegalArgumentException with a message for the user if an argument is wrong
	 */
	static LauncherOptions parse(String... args) {
		Path data = Path.of("data");
		boolean fresh = false;
		boolean demo = true;
		int offset = 0;
		Set<Part> parts = EnumSet.allOf(Part.class);
		boolean help = false;
		boolean cds = false;
		boolean throughput = false;
		Map<Part, Integer> instances = new EnumMap<>(Part.class);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--fresh" -> fresh = true;
				case "--no-demo" -> demo = false;
				case "--help", "-h" -> help = true;
				case "--cds" -> cds = true;
				// the default since AppCDS became opt-in; still accepted
				case "--no-cds" -> cds = false;
				case "--throughput" -> throughput = true;
				case "--port-offset" -> offset = parseOffset(value(args, ++i, arg));
				case "--data" -> data = Path.of(value(args, ++i, arg));
				case "--parts" -> parts = parseParts(value(args, ++i, arg));
				case "--instances" -> instances = parseInstances(value(args, ++i, arg));
				default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
			}
		}
		return new LauncherOptions(data, fresh, demo, offset, parts, cds, throughput, help, Map.copyOf(instances));
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int parseOffset(String value) {
		try {
			int offset = Integer.parseInt(value);
			if (offset < 0 || offset > 30000) {
				throw new IllegalArgumentException("--port-offset must be between 0 and 30000, not " + value);
			}
			return offset;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port-offset needs a number, not '" + value + "'");
		}
	}

	private static Map<Part, Integer> parseInstances(String value) {
		Map<Part, Integer> instances = new EnumMap<>(Part.class);
		for (String entry : value.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] pair = entry.split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("--instances needs part=N pairs, e.g. booking=2, not '" + entry + "'");
			}
			Part part = Part.named(pair[0]);
			int count;
			try {
				count = Integer.parseInt(pair[1].trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--instances: '" + pair[1] + "' is not a number");
			}
			if (count < 1 || count > Instance.MAX_INSTANCES || (count > 1 && !Instance.SCALABLE.contains(part))) {
				throw new IllegalArgumentException("--instances: " + part + "=" + count + " is not possible; only "
						+ "listings, booking and notifications run several instances, 1 to " + Instance.MAX_INSTANCES);
			}
			instances.put(part, count);
		}
		return instances;
	}

	private static Set<Part> parseParts(String value) {
		List<Part> parts = new ArrayList<>();
		for (String name : value.split(",")) {
			if (!name.isBlank()) {
				parts.add(Part.named(name));
			}
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("--parts needs at least one part");
		}
		return EnumSet.copyOf(parts);
	}

}
