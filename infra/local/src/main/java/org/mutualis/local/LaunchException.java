package org.mutualis.local;

import java.util.List;

/** Thrown when a part of the local stack cannot start: names the part and carries the end of its log. */
public class LaunchException extends RuntimeException {

	private final Part part;

	private final List<String> logTail;

	/**
	 * Creates the exception.
	 * @param part the part that failed
	 * @param reason what went wrong, in a sentence
	 * @param logTail the last lines of the part's log, possibly empty
	 */
	public LaunchException(Part part, String reason, List<String> logTail) {
		this(Instance.first(part), reason, logTail);
	}

	/**
	 * Creates the exception for one instance of a part.
	 * @param instance the instance that failed
	 * @param reason what went wrong, in a sentence
	 * @param logTail the last lines of its log, possibly empty
	 */
	public LaunchException(Instance instance, String reason, List<String> logTail) {
		super(message(instance.name(), reason, logTail));
		Part part = instance.part();
		this.part = part;
		this.logTail = List.copyOf(logTail);
	}

	/** @return the part that failed */
	public Part part() {
		return this.part;
	}

	/** @return the last lines of the part's log */
	public List<String> logTail() {
		return this.logTail;
	}

	private static String message(String name, String reason, List<String> logTail) {
		StringBuilder message = new StringBuilder(name).append(" failed to start: ").append(reason);
		if (!logTail.isEmpty()) {
			message.append(System.lineSeparator()).append("--- last lines of the ").append(name)
				.append(" log ---");
			logTail.forEach((line) -> message.append(System.lineSeparator()).append(line));
		}
		return message.toString();
	}

}
