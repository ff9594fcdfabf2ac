package org.mutualis.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the events waiting in the {@code outbox} array of the documents of the configured collections,
 * then removes exactly the ones Kafka acknowledged. Unsent events stay where they are and go out on a later
 * pass, so a crash or a broker outage loses nothing; a rare second publication is absorbed by consumers'
 * de-duplication.
 * <p>
 * A pass starts as soon as a writer signals a commit ({@link OutboxWakeUp#committed(String, Object)}, called by the
 * aggregate store after every write that carries events) and publishes the events the signals carry, or reads just
 * the documents signalled when it cannot know from the signals alone what is pending. Kafka's acknowledgements of a
 * pass are removed from its documents in one write. A scan of every
 * outbox collection runs at the start, every {@code mutualis.events.relay-scan-interval} (a minute), when a writer asks
 * for one, and soon after Kafka refused something: the fallback for what no signal announced here, such as another
 * instance's events left over when it stopped. On the embedded store a scan reads the whole collection while holding
 * its lock, so every write to it waits: every ten seconds, as it was, a scan of booking's {@code bookings} held up
 * every booking request for its length (infra/benchmarks/README.md).
 */
public class OutboxRelay implements SmartLifecycle {

	/** Name of the array field that holds pending {@link OutboxMessage}s in an aggregate's document. */
	public static final String OUTBOX_FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Name of the version field of aggregates' documents (the aggregate store's). */
	private static final String VERSION = "version";

	/** How many documents' last published versions a relay remembers. */
	private static final int KNOWN_DOCUMENTS = 50_000;

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper mapper;

	private final EventsProperties properties;

	private final EventTracing tracing;

	private final AtomicBoolean running = new AtomicBoolean();

	private final Object passLock = new Object();

	private final OutboxWakeUp wakeUp = new OutboxWakeUp();

	/**
	 * The last version of each document (by collection and {@code _id}) whose events this relay published, every one:
	 * a signal carrying the next version's events needs no read. Bounded; a document forgotten is read. Used under
	 * the pass lock only.
	 */
	private final Map<String, Long> publishedUpTo = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > KNOWN_DOCUMENTS;
		}
	};

	private volatile @Nullable Thread worker;

	private volatile Instant quietUntil = Instant.MIN;

	private volatile Instant nextScan = Instant.MIN;

	/**
	 * Creates the relay.
	 * @param mongo the service's database
	 * @param kafka template configured for idempotent, acks=all publication
	 * @param mapper JSON mapper
	 * @param properties relay settings
	 */
	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper mapper,
			EventsProperties properties) {
		this(mongo, kafka, mapper, properties, EventTracing.none());
	}

	/**
	 * Creates the relay.
	 * @param mongo the service's database
	 * @param kafka template configured for idempotent, acks=all publication
	 * @param mapper JSON mapper
	 * @param properties relay settings
	 * @param tracing continues, for each event, the trace it was recorded in (context in the record's headers)
	 */
	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper mapper,
			EventsProperties properties, EventTracing tracing) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.mapper = mapper;
		this.properties = properties;
		this.tracing = tracing;
	}

	/**
	 * How many documents of each outbox collection hold events not yet published: the backlog gauge's reading.
	 * @param collection an outbox collection
	 * @return documents with a non-empty outbox
	 */
	public long backlog(String collection) {
		return this.mongo.count(Query.query(Criteria.where(OUTBOX_FIELD + ".0").exists(true)), collection);
	}

	/**
	 * Publishes every pending event of every outbox collection once.
	 * @return how many events Kafka acknowledged in this pass
	 */
	public int publishPending() {
		synchronized (this.passLock) {
			int published = 0;
			for (String collection : this.properties.outboxCollections()) {
				published += publishCollection(collection);
			}
			return published;
		}
	}

	/**
	 * Publishes the pending events of the documents named by commit signals since the last pass. A signal that carries
	 * the events of the version that follows the last one this relay published of that document (or of a new
	 * document's insert, version 0) is published as it is; any other is read back by {@code _id}, outbox and version.
	 * @return how many events Kafka acknowledged in this pass
	 */
	int publishSignalled() {
		synchronized (this.passLock) {
			int published = 0;
			for (String collection : this.properties.outboxCollections()) {
				List<Document> documents = new ArrayList<>();
				for (Map.Entry<Object, OutboxWakeUp.Written> signalled : this.wakeUp.takeWritten(collection).entrySet()) {
					Document document = carried(collection, signalled.getKey(), signalled.getValue());
					if (document == null) {
						document = read(collection, signalled.getKey());
					}
					List<?> outbox = (document != null) ? document.getList(OUTBOX_FIELD, Object.class) : null;
					if (outbox != null && !outbox.isEmpty()) {
						documents.add(document);
					}
					if (documents.size() == this.properties.relayBatchSize()) {
						published += publishDocuments(collection, documents);
						documents = new ArrayList<>();
					}
				}
				if (!documents.isEmpty()) {
					published += publishDocuments(collection, documents);
				}
			}
			return published;
		}
	}

	/**
	 * The document's pending events as the signals carried them, when they are known to be all of them: they follow,
	 * version after version, the last version whose events this relay published (or start at the insert, version 0).
	 * @return a document of {@code _id}, {@code version} and {@code outbox}; {@code null} when it must be read
	 */
	private @Nullable Document carried(String collection, Object id, OutboxWakeUp.Written signalled) {
		List<OutboxWakeUp.Stored> writes = signalled.writes();
		if (writes.isEmpty()) {
			return null;
		}
		Long known = this.publishedUpTo.get(key(collection, id));
		// unknown: only the insert (version 0, whose events are the whole outbox) can be published as carried
		long next = (known != null) ? known + 1 : 0;
		List<Document> outbox = new ArrayList<>();
		for (OutboxWakeUp.Stored write : writes) {
			if (write.version() < next) {
				// published already, with the read of a later version
				continue;
			}
			if (write.version() != next) {
				// a write this relay did not see (another instance's, or before a restart): read what is pending
				return null;
			}
			write.events().forEach((event) -> outbox.add(event.toDocument()));
			next++;
		}
		return new Document("_id", id).append(VERSION, next - 1).append(OUTBOX_FIELD, outbox);
	}

	private @Nullable Document read(String collection, Object id) {
		// read by _id alone: a filter that also names the outbox (or uses $in) is answered by the embedded store with
		// a scan of the whole collection
		Query query = Query.query(Criteria.where("_id").is(id));
		query.fields().include(OUTBOX_FIELD).include(VERSION);
		return this.mongo.findOne(query, Document.class, collection);
	}

	private static String key(String collection, Object id) {
		return collection + '\u0000' + id;
	}

	private int publishCollection(String collection) {
		int total = 0;
		while (true) {
			Query query = Query.query(Criteria.where(OUTBOX_FIELD + ".0").exists(true))
				.limit(this.properties.relayBatchSize());
			query.fields().include(OUTBOX_FIELD).include(VERSION);
			List<Document> documents = this.mongo.find(query, Document.class, collection);
			if (documents.isEmpty()) {
				return total;
			}
			int sent = publishDocuments(collection, documents);
			total += sent;
			if (documents.size() < this.properties.relayBatchSize() || sent == 0) {
				return total;
			}
		}
	}

	private int publishDocuments(String collection, List<Document> documents) {
		List<List<CompletableFuture<?>>> sends = new ArrayList<>();
		List<List<String>> ids = new ArrayList<>();
		for (Document document : documents) {
			List<CompletableFuture<?>> documentSends = new ArrayList<>();
			List<String> documentIds = new ArrayList<>();
			for (Document message : document.getList(OUTBOX_FIELD, Document.class)) {
				OutboxMessage outboxMessage = OutboxMessage.fromDocument(message);
				ProducerRecord<String, String> record = new ProducerRecord<>(outboxMessage.topic(),
						outboxMessage.subject(), envelope(outboxMessage).toJson(this.mapper));
				documentSends.add(this.tracing.send(outboxMessage.trace(), record, this.kafka::send));
				documentIds.add(outboxMessage.id());
			}
			sends.add(documentSends);
			ids.add(documentIds);
		}
		this.kafka.flush();
		int published = 0;
		List<Object> touched = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			Document document = documents.get(i);
			List<String> acknowledged = acknowledgedPrefix(sends.get(i), ids.get(i));
			if (acknowledged.size() < ids.get(i).size()) {
				// what Kafka did not take goes out with the next scan, soon
				this.nextScan = Instant.now().plus(this.properties.retryBackoff());
			}
			else if (document.get(VERSION) instanceof Number version) {
				this.publishedUpTo.put(key(collection, document.get("_id")), version.longValue());
			}
			if (!acknowledged.isEmpty()) {
				touched.add(document.get("_id"));
				removed.addAll(acknowledged);
				published += acknowledged.size();
			}
		}
		if (!touched.isEmpty()) {
			// only what Kafka confirmed is removed, from every document of the pass at once (an event's id is unique);
			// later events of the same aggregate wait to keep order
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(touched)),
					new Update().pull(OUTBOX_FIELD, new Document("id", new Document("$in", removed))), collection);
		}
		return published;
	}

	private List<String> acknowledgedPrefix(List<CompletableFuture<?>> sends, List<String> ids) {
		List<String> acknowledged = new ArrayList<>();
		for (int j = 0; j < sends.size(); j++) {
			try {
				sends.get(j).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				acknowledged.add(ids.get(j));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				log.warn("outbox event {} not published yet: {}", ids.get(j), ex.getMessage());
				break;
			}
		}
		return acknowledged;
	}

	private EventEnvelope envelope(OutboxMessage message) {
		return new EventEnvelope(message.id(), this.properties.source(), message.type(), message.subject(),
				message.time(), this.mapper.readTree(message.payload()));
	}

	private void pass() {
		if (Instant.now().isBefore(this.quietUntil)) {
			return;
		}
		try {
			if (this.wakeUp.takeScanRequest() || !Instant.now().isBefore(this.nextScan)) {
				this.nextScan = Instant.now().plus(this.properties.relayScanInterval());
				publishPending();
			}
			else {
				publishSignalled();
			}
		}
		catch (RuntimeException ex) {
			// the broker or the database is away: wait a little, nothing is lost since nothing was removed; the next
			// scan finds what the signals of this pass named
			log.warn("outbox relay pass failed, retrying in {}: {}", this.properties.retryBackoff(), ex.toString());
			this.quietUntil = Instant.now().plus(this.properties.retryBackoff());
			this.nextScan = this.quietUntil;
		}
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.wakeUp.listen();
			this.worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relay);
		}
	}

	/**
	 * The relay thread: a pass at once (what was stored before the start), then a pass per commit signal (signals
	 * during a pass coalesce into one more), or after {@code relayInterval} without any: the fallback for what no
	 * signal announced here, such as another instance's events left over when it stopped.
	 */
	private void relay() {
		long interval = this.properties.relayInterval().toMillis();
		while (this.running.get()) {
			pass();
			try {
				this.wakeUp.await(interval);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			this.wakeUp.ignore();
			this.wakeUp.signal();
			Thread thread = this.worker;
			if (thread != null) {
				try {
					// the current pass finishes: events Kafka acknowledged are removed, so none is sent twice needlessly
					if (!thread.join(Duration.ofSeconds(10))) {
						thread.interrupt();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	@Override
	public int getPhase() {
		// stop before the Kafka producer factory and Mongo client go away
		return Integer.MAX_VALUE - 100;
	}

}
