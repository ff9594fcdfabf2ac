package org.mutualis.platform.events;

/** Thrown when a received message is not a valid Mutualis CloudEvent; such a message goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong with the message
	 */
	public MalformedEventException(String message) {
		super(message);
	}

}
