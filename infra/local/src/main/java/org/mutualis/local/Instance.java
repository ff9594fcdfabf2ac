package org.mutualis.local;

import java.util.Set;

/**
 * One process of a part: its first instance keeps the part's own name and port ({@code booking}, 8082); the others
 * are named {@code booking-2}, {@code booking-3}, … and listen {@value #PORT_STRIDE} ports further each (8182, 8282).
 * @param part the part
 * @param number 1 for the first instance
 */
public record Instance(Part part, int number) {

	/** How many ports apart two instances of a part listen. */
	public static final int PORT_STRIDE = 100;

	/** The most instances one part may have (more would reach other parts' ports). */
	public static final int MAX_INSTANCES = 9;

	/**
	 * The parts that may run several instances. Not identity and web: they keep a signed-in browser's session in
	 * their own memory, so a second instance would not know it. Not the gateway: it is the one door. Not Kafka or the
	 * store: one broker, one store locally.
	 */
	public static final Set<Part> SCALABLE = Set.of(Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS);

	public Instance {
		if (number < 1 || number > MAX_INSTANCES || (number > 1 && !SCALABLE.contains(part))) {
			throw new IllegalArgumentException("no instance " + number + " of " + part);
		}
	}

	/**
	 * @param part a part
	 * @return its first instance
	 */
	public static Instance first(Part part) {
		return new Instance(part, 1);
	}

	/** @return the name used in logs, pid files and messages: the part's name, then {@code -<number>} after the first */
	public String name() {
		return (this.number == 1) ? this.part.partName() : this.part.partName() + "-" + this.number;
	}

	/** @return how far this instance's port is from the first instance's */
	int portShift() {
		return (this.number - 1) * PORT_STRIDE;
	}

	@Override
	public String toString() {
		return name();
	}

}
