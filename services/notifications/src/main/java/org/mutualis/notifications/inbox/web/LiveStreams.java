package org.mutualis.notifications.inbox.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.NewNotifications;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.inbox.application.SentNotifications;
import org.mutualis.platform.web.EventStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of this instance. Each stream sends its person's notifications numbered after the last one
 * it sent (so a reconnect with {@code Last-Event-ID} resumes with no loss and no duplicate), then the unread count
 * when it changed. A stream is woken at once when this instance writes to its person's inbox, and every poll
 * interval in any case, for what other instances wrote. What this instance wrote for a person with an open stream is
 * handed over and kept here (the latest {@value #RECENT} per person), so that a woken stream sends it without a store
 * round trip per notification; numbers are gapless, so the next one the stream needs is found by number, and what is
 * not here is read from the store.
 * <p>
 * The streams are tracked by the platform's {@link EventStreams}, which ends them when the application stops, before
 * the web server's graceful shutdown would wait for them; the clients reconnect with {@code Last-Event-ID}.
 */
@Component
class LiveStreams implements NewNotifications {

	/** Name of the event that carries a notification; its id is the notification's number. */
	static final String NOTIFICATION = "notification";

	/** Name of the event that carries the unread count. */
	static final String UNREAD = "unread";

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	private static final int BATCH = 100;

	static final int RECENT = 200;

	/** How long a page whose stream gave way to a newer one waits before it reconnects. */
	static final long GIVEN_WAY_RECONNECT_MILLIS = 60_000;

	private final Inbox inbox;

	private final long timeoutMillis;

	private final int maxPerPerson;

	private final long heartbeatMillis;

	private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

	/** The notifications this instance stored lately for people with an open stream here, by number. */
	private final Map<String, NavigableMap<Long, Notification>> recent = new ConcurrentHashMap<>();

	private final ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor();

	private final SentNotifications sent;

	private final EventStreams eventStreams;

	LiveStreams(Inbox inbox, @Value("${mutualis.notifications.stream.timeout:PT30M}") java.time.Duration timeout,
			@Value("${mutualis.notifications.stream.max-per-person:5}") int maxPerPerson,
			@Value("${mutualis.notifications.stream.heartbeat:PT15S}") java.time.Duration heartbeat,
			MeterRegistry meters, EventStreams eventStreams) {
		this.inbox = inbox;
		this.eventStreams = eventStreams;
		this.sent = new SentNotifications(meters);
		this.timeoutMillis = timeout.toMillis();
		this.maxPerPerson = maxPerPerson;
		this.heartbeatMillis = heartbeat.toMillis();
	}

	/**
	 * Opens a stream for a person.
	 * @param personId the person
	 * @param lastEventId the number of the last notification the client received, 0 for none
	 * @return the emitter; the person's oldest stream ends if they now hold more than {@code max-per-person}
	 */
	SseEmitter open(String personId, long lastEventId) {
		Set<Stream> own = this.streams.computeIfAbsent(personId, (id) -> new CopyOnWriteArraySet<>());
		SseEmitter emitter = new SseEmitter(this.timeoutMillis);
		// a number past the person's newest was never sent to them (another person's, or made up): resuming after it
		// would hold back every notice up to it, so the stream starts after the newest instead
		long resumeAfter = (lastEventId > 0) ? Math.min(lastEventId, this.inbox.newest(personId)) : 0;
		Stream stream = new Stream(personId, emitter, resumeAfter, own);
		if (!this.eventStreams.track(emitter, stream::forget)) {
			// stopping: the client reconnects to an instance that stays
			return emitter;
		}
		// past the most streams a person may hold, the oldest gives way: a page left or closed is noticed only at
		// the next write through every proxy (a heartbeat or more), and refusing the newest left the page in front
		// of the person without its badge while the streams of pages already gone held their places
		List<Stream> replaced = new ArrayList<>();
		synchronized (own) {
			own.add(stream);
			for (Stream older : own) {
				if (own.size() <= this.maxPerPerson) {
					break;
				}
				if (older != stream) {
					own.remove(older);
					replaced.add(older);
				}
			}
		}
		replaced.forEach(Stream::giveWay);
		emitter.onCompletion(stream::forget);
		// the client reconnects with Last-Event-ID and loses nothing
		emitter.onTimeout(() -> {
			stream.forget();
			emitter.complete();
		});
		emitter.onError((ex) -> stream.forget());
		this.pumps.submit(() -> pump(stream, true));
		return emitter;
	}

	@Override
	public void stored(List<Notification> notifications) {
		Set<String> people = new LinkedHashSet<>();
		for (Notification notification : notifications) {
			Set<Stream> own = this.streams.get(notification.personId());
			if (own != null && !own.isEmpty()) {
				NavigableMap<Long, Notification> kept = this.recent.computeIfAbsent(notification.personId(),
						(person) -> new ConcurrentSkipListMap<>());
				kept.put(notification.sequence(), notification);
				while (kept.size() > RECENT) {
					kept.pollFirstEntry();
				}
			}
			people.add(notification.personId());
		}
		people.forEach((person) -> wake(person, false));
	}

	@Override
	public void arrived(String personId) {
		wake(personId, true);
	}

	private void wake(String personId, boolean readStore) {
		Set<Stream> own = this.streams.get(personId);
		if (own != null) {
			for (Stream stream : own) {
				// one pump waiting per stream is enough: it reads everything stored before it starts
				if (stream.queued.compareAndSet(false, true)) {
					this.pumps.submit(() -> pump(stream, readStore));
				}
			}
		}
	}

	/** Catches up every open stream with what any instance wrote, and keeps idle connections alive. */
	@Scheduled(fixedDelayString = "${mutualis.notifications.stream.poll:PT1S}")
	void poll() {
		this.streams.values().forEach((own) -> own.forEach((stream) -> this.pumps.submit(() -> {
			pump(stream, true);
			heartbeat(stream);
		})));
		// people whose streams here all closed: nothing more to hand over
		this.recent.keySet().removeIf((person) -> this.streams.getOrDefault(person, Set.of()).isEmpty());
	}

	/** @return how many streams are open on this instance */
	int open() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	private void heartbeat(Stream stream) {
		stream.lock.lock();
		try {
			if (!stream.closed && System.currentTimeMillis() - stream.lastWrite >= this.heartbeatMillis) {
				// a comment line: clients ignore it, proxies see traffic, and a gone client shows as a failed write
				stream.emitter.send(SseEmitter.event().comment("keep-alive"));
				stream.lastWrite = System.currentTimeMillis();
			}
		}
		catch (IOException | IllegalStateException ex) {
			stream.fail(ex);
		}
		finally {
			stream.lock.unlock();
		}
	}

	/**
	 * Sends a stream what it has not sent yet.
	 * @param readStore whether to look in the store for what was not handed over (false when woken by this
	 * instance's own write: the poll catches up with other instances' writes anyway)
	 */
	private void pump(Stream stream, boolean readStore) {
		stream.lock.lock();
		try {
			stream.queued.set(false);
			if (stream.closed) {
				return;
			}
			List<Notification> fresh;
			do {
				fresh = next(stream, readStore);
				for (Notification notification : fresh) {
					stream.emitter.send(SseEmitter.event()
						.id(Long.toString(notification.sequence()))
						.name(NOTIFICATION)
						.data(NotificationView.of(notification), MediaType.APPLICATION_JSON));
					stream.lastSent = notification.sequence();
					stream.lastWrite = System.currentTimeMillis();
					this.sent.push(1);
				}
			}
			while (fresh.size() == BATCH);
			long unread = this.inbox.unread(stream.personId);
			if (unread != stream.lastUnread) {
				stream.emitter.send(SseEmitter.event().name(UNREAD).data(Map.of("unread", unread), MediaType.APPLICATION_JSON));
				stream.lastUnread = unread;
				stream.lastWrite = System.currentTimeMillis();
			}
		}
		catch (IOException | IllegalStateException ex) {
			stream.fail(ex);
		}
		finally {
			stream.lock.unlock();
		}
	}

	private List<Notification> next(Stream stream, boolean readStore) {
		List<Notification> found = new ArrayList<>();
		NavigableMap<Long, Notification> kept = this.recent.get(stream.personId);
		long next = stream.lastSent + 1;
		if (kept != null) {
			for (Notification notification = kept.get(next); notification != null && found.size() < BATCH;
					notification = kept.get(next)) {
				found.add(notification);
				next++;
			}
		}
		if (found.size() < BATCH && (readStore || found.isEmpty())) {
			found.addAll(this.inbox.after(stream.personId, next - 1, BATCH - found.size()));
		}
		return found;
	}

	@PreDestroy
	void close() {
		this.pumps.shutdownNow();
	}

	/** One open stream: what it sent last, guarded by its lock so that two pumps never interleave. */
	private static final class Stream {

		private final String personId;

		private final SseEmitter emitter;

		private final Set<Stream> siblings;

		private final ReentrantLock lock = new ReentrantLock();

		private volatile long lastSent;

		private volatile long lastUnread = -1;

		private volatile long lastWrite = System.currentTimeMillis();

		private volatile boolean closed;

		/** Whether a pump of this stream is submitted and has not started reading yet. */
		private final AtomicBoolean queued = new AtomicBoolean();

		Stream(String personId, SseEmitter emitter, long lastSent, Set<Stream> siblings) {
			this.personId = personId;
			this.emitter = emitter;
			this.lastSent = lastSent;
			this.siblings = siblings;
		}

		void forget() {
			this.closed = true;
			this.siblings.remove(this);
		}

		/** Ends a stream for a newer one of the same person; a page still open reconnects after a minute. */
		void giveWay() {
			this.lock.lock();
			try {
				forget();
				this.emitter.send(SseEmitter.event().reconnectTime(GIVEN_WAY_RECONNECT_MILLIS).comment("replaced"));
				this.emitter.complete();
			}
			catch (IOException | IllegalStateException ex) {
				log.debug("live stream of {} was already gone: {}", this.personId, ex.getMessage());
			}
			finally {
				this.lock.unlock();
			}
		}

		void fail(Exception ex) {
			// the client went away: stop writing and let the container end the request
			forget();
			log.debug("live stream of {} closed: {}", this.personId, ex.getMessage());
			this.emitter.completeWithError(ex);
		}

	}

}
