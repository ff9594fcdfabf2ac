package org.mutualis.local;

import java.util.Arrays;

import kafka.tools.StorageTool;

/**
 * The Kafka part's main class: formats the log directory with {@code StorageTool} when asked to (first start
 * only), then runs the broker in the same JVM, which saves starting a second JVM just to format.
 */
public final class KafkaBroker {

	private KafkaBroker() {
	}

	/**
	 * Formats if asked, then runs {@code kafka.Kafka} until SIGTERM.
	 * @param args {@code [--format <cluster-id>] <server.properties>}
	 * @throws Exception if the broker cannot start
	 */
	public static void main(String[] args) throws Exception {
		String[] rest = args;
		if (args.length == 3 && args[0].equals("--format")) {
			String properties = args[2];
			System.out.println("formatting the log directory of " + properties + " (cluster " + args[1] + ")");
			int exit = StorageTool.execute(new String[] { "format", "-t", args[1], "-c", properties }, System.out);
			if (exit != 0) {
				System.err.println("StorageTool format failed with exit code " + exit);
				System.exit(exit);
			}
			rest = Arrays.copyOfRange(args, 2, 3);
		}
		if (rest.length != 1) {
			System.err.println("usage: KafkaBroker [--format <cluster-id>] <server.properties>");
			System.exit(2);
		}
		kafka.Kafka.main(rest);
	}

}
