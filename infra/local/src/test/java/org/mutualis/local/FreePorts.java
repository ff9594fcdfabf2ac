package org.mutualis.local;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks port offsets whose ports are free, below the ephemeral range, away from a stack run by hand. */
final class FreePorts {

	private FreePorts() {
	}

	static int offsetFor(Part... parts) {
		for (int attempt = 0; attempt < 50; attempt++) {
			int offset = ThreadLocalRandom.current().nextInt(1000, 5700);
			boolean free = true;
			for (Part part : parts) {
				List<Integer> ports = (part == Part.KAFKA) ? List.of(part.basePort() + offset,
						part.basePort() + offset + Part.KAFKA_CONTROLLER_DELTA) : List.of(part.basePort() + offset);
				free &= ports.stream().allMatch(Probes::portFree);
			}
			if (free) {
				return offset;
			}
		}
		throw new IllegalStateException("no free port offset found");
	}

}
