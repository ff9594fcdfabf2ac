package org.mutualis.platform.production;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up when the {@code production} profile meets settings that only suit the local/demo mode. */
public class UnsafeProductionSettings extends RuntimeException {

	private final List<UnsafeSetting> settings;

	/**
	 * Creates the failure.
	 * @param settings what is refused, at least one
	 */
	public UnsafeProductionSettings(List<UnsafeSetting> settings) {
		super("The production profile refuses to start: "
				+ settings.stream().map(UnsafeSetting::english).collect(Collectors.joining("; ")));
		this.settings = List.copyOf(settings);
	}

	/**
	 * @return what is refused
	 */
	public List<UnsafeSetting> settings() {
		return this.settings;
	}

}
