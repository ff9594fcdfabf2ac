package org.mutualis.platform.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/** Open streams end when the application stops, and none is tracked while it is stopped. */
class EventStreamsTest {

	private final EventStreams streams = new EventStreams();

	@Test
	void stoppingEndsEveryOpenStreamOnceAndTracksNoMoreUntilStartedAgain() {
		this.streams.start();
		AtomicInteger ended = new AtomicInteger();
		assertThat(this.streams.track(new SseEmitter(), ended::incrementAndGet)).isTrue();
		assertThat(this.streams.track(new SseEmitter(), ended::incrementAndGet)).isTrue();
		assertThat(this.streams.open()).isEqualTo(2);

		this.streams.stop();

		assertThat(ended).hasValue(2);
		assertThat(this.streams.open()).isZero();
		assertThat(this.streams.isRunning()).isFalse();
		assertThat(this.streams.track(new SseEmitter(), ended::incrementAndGet)).isFalse();
		this.streams.stop();
		assertThat(ended).as("each end runs once, and a stream refused while stopped holds nothing to end").hasValue(2);

		this.streams.start();
		assertThat(this.streams.track(new SseEmitter(), ended::incrementAndGet)).isTrue();
		assertThat(this.streams.open()).isEqualTo(1);
	}

}
