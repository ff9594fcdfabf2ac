package org.mutualis.platform.events;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform's event topics are created: the local default keeps the broker's replication settings (one broker),
 * production asks for copies on several brokers ({@code mutualis-defaults.yml}, profile {@code production}: 6 partitions,
 * replication factor 3, {@code min.insync.replicas=2}). Partitions can grow later (the admin adds them at start); the
 * replication factor of an existing topic is not changed.
 *
 * @param partitions partitions of each event topic: the most consumers of one group that can share its work
 * @param replicationFactor copies of each partition, or {@code null} for the broker's default
 * @param minInsyncReplicas copies that must have a record before an {@code acks=all} producer is answered, or
 * {@code null} for the broker's default
 */
@Validated
@ConfigurationProperties("mutualis.topics")
public record TopicsProperties(@DefaultValue("3") @Min(1) int partitions, @Nullable @Min(1) Short replicationFactor,
		@Nullable @Min(1) Integer minInsyncReplicas) {
}
