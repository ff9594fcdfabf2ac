package org.mutualis.platform.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A template on the test store that records every {@code find} it sends, for tests that show a component reads
 * nothing (or exactly what it must): e.g. the outbox relay publishing the events a commit signal carried.
 */
public final class RecordedFinds {

	private final List<String> finds = new CopyOnWriteArrayList<>();

	private final MongoTemplate template;

	/**
	 * Opens a template on a database of the test store.
	 * @param database the database's name
	 */
	public RecordedFinds(String database) {
		this.template = new MongoTemplate(MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(TestInfrastructure.get().mongoConnectionString()))
			.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					if ("find".equals(event.getCommandName())) {
						RecordedFinds.this.finds.add(event.getCommand().toJson());
					}
				}
			})
			.build()), database);
	}

	/** @return the template whose finds are recorded */
	public MongoTemplate template() {
		return this.template;
	}

	/** @return the finds sent so far (JSON of each command), live */
	public List<String> finds() {
		return this.finds;
	}

}
