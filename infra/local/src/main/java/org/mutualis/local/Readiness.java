package org.mutualis.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;

/**
 * Waits until a freshly started part is healthy: Kafka answers {@code describeCluster}, the store accepts
 * connections, a service reports {@code UP} on {@code /actuator/health}; gives up when its JVM exits, the stack
 * stops or the start timeout passes.
 */
final class Readiness {

	private static final Duration POLL = Duration.ofMillis(250);

	private final PartArguments arguments;

	private final Duration startTimeout;

	private final BooleanSupplier stopping;

	/**
	 * @param arguments where each part listens
	 * @param startTimeout how long one part may take
	 * @param stopping whether the stack is being stopped, which ends the wait
	 */
	Readiness(PartArguments arguments, Duration startTimeout, BooleanSupplier stopping) {
		this.arguments = arguments;
		this.startTimeout = startTimeout;
		this.stopping = stopping;
	}

	/**
	 * Returns once the child's part is healthy.
	 * @param child a started child
	 * @throws LaunchException if it exits, the stack stops, or the timeout passes first
	 */
	void await(ChildProcess child) {
		Instance part = child.instance();
		long deadline = System.nanoTime() + this.startTimeout.toNanos();
		try (HealthCheck check = healthCheck(part)) {
			while (true) {
				if (!child.alive()) {
					throw new LaunchException(part, "its JVM exited with code " + child.exitCode(),
							child.tail(LocalStack.TAIL_LINES));
				}
				if (this.stopping.getAsBoolean()) {
					throw new LaunchException(part, "the stack is stopping", child.tail(LocalStack.TAIL_LINES));
				}
				if (check.healthy()) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new LaunchException(part, "not healthy after " + this.startTimeout.toSeconds() + " s",
							child.tail(LocalStack.TAIL_LINES));
				}
				Thread.sleep(POLL);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException(part, "interrupted while waiting for it", child.tail(LocalStack.TAIL_LINES));
		}
	}

	private HealthCheck healthCheck(Instance instance) {
		return switch (instance.part()) {
			case KAFKA -> new KafkaCheck(this.arguments.port(Part.KAFKA), this.arguments.kafkaBootstrap());
			case STORE -> () -> Probes.connects("127.0.0.1", this.arguments.port(Part.STORE));
			default -> () -> Probes.serviceUp(this.arguments.localUrl(instance));
		};
	}

	/** Answers whether a part is healthy yet; may hold a client between attempts. */
	private interface HealthCheck extends AutoCloseable {

		boolean healthy();

		@Override
		default void close() {
		}

	}

	/** Kafka is healthy once its port accepts connections and an admin client sees a broker. */
	private static final class KafkaCheck implements HealthCheck {

		private final int port;

		private final String bootstrap;

		private @Nullable Admin admin;

		KafkaCheck(int port, String bootstrap) {
			this.port = port;
			this.bootstrap = bootstrap;
		}

		@Override
		public boolean healthy() {
			if (!Probes.connects("127.0.0.1", this.port)) {
				return false;
			}
			if (this.admin == null) {
				this.admin = Probes.kafkaAdmin(this.bootstrap);
			}
			return Probes.kafkaUp(this.admin, Duration.ofSeconds(1));
		}

		@Override
		public void close() {
			if (this.admin != null) {
				this.admin.close(Duration.ofSeconds(2));
			}
		}

	}

}
