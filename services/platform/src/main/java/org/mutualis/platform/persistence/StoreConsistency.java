package org.mutualis.platform.persistence;

import java.util.Locale;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Applies the configured write and read concerns ({@code mutualis.store.write-concern}, {@code read-concern}) to the
 * MongoDB client, after the connection string: production acknowledges a write once a majority of the replica set has
 * it and reads only what a majority has. Unset, the connection string's options or the driver's defaults stay (the
 * embedded store has no read concern majority).
 */
final class StoreConsistency implements MongoClientSettingsBuilderCustomizer, Ordered {

	private final @Nullable WriteConcern writeConcern;

	private final @Nullable ReadConcern readConcern;

	StoreConsistency(StoreProperties properties) {
		this.writeConcern = writeConcern(properties.writeConcern());
		this.readConcern = readConcern(properties.readConcern());
	}

	@Override
	public void customize(MongoClientSettings.Builder settings) {
		if (this.writeConcern != null) {
			settings.writeConcern(this.writeConcern);
		}
		if (this.readConcern != null) {
			settings.readConcern(this.readConcern);
		}
	}

	@Override
	public int getOrder() {
		// after Boot's customizer, which applies the connection string
		return 100;
	}

	/**
	 * Reads a write concern: {@code majority}, or the number of members that must acknowledge.
	 * @param value the configured value, or {@code null}/blank for none
	 * @return the write concern, or {@code null}
	 */
	static @Nullable WriteConcern writeConcern(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.equalsIgnoreCase("majority")) {
			return WriteConcern.MAJORITY;
		}
		try {
			return new WriteConcern(Integer.parseInt(trimmed));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"mutualis.store.write-concern is 'majority' or a number of members, not '" + value + "'", ex);
		}
	}

	/**
	 * Reads a read concern level: {@code local}, {@code available}, {@code majority}, {@code linearizable} or
	 * {@code snapshot}.
	 * @param value the configured value, or {@code null}/blank for none
	 * @return the read concern, or {@code null}
	 */
	static @Nullable ReadConcern readConcern(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new ReadConcern(ReadConcernLevel.fromString(value.trim().toLowerCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("mutualis.store.read-concern is local, available, majority, "
					+ "linearizable or snapshot, not '" + value + "'", ex);
		}
	}

}
