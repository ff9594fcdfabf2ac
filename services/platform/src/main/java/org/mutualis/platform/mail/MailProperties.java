package org.mutualis.platform.mail;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service sends e-mail ({@code mutualis.mail.*}).
 *
 * @param mode {@code smtp} (Spring Mail's {@code spring.mail.*}) or {@code folder} (each message an {@code .eml}
 * file, for local runs)
 * @param folder where folder mode writes
 * @param from the sender address
 * @param firstRetry wait before the first retry of a failed send; each later wait doubles
 * @param maxRetryDelay longest wait between two tries
 * @param maxAttempts tries before a message is given up (kept as {@code FAILED})
 * @param batchSize messages taken from the stored queue per read of it
 * @param sendEvery pause between two sends of what this instance has in hand (what it queued, its retries)
 * @param scanEvery pause between two reads of the stored queue, for what no instance has in hand
 */
@Validated
@ConfigurationProperties("mutualis.mail")
public record MailProperties(@DefaultValue("smtp") @NotNull Mode mode, @DefaultValue("data/mail") @NotNull Path folder,
		@DefaultValue("Mutualis <ne-pas-repondre@mutualis.local>") @NotBlank String from,
		@DefaultValue("PT30S") @NotNull Duration firstRetry, @DefaultValue("PT1H") @NotNull Duration maxRetryDelay,
		@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("500") @Min(1) int batchSize,
		@DefaultValue("PT0.5S") @NotNull Duration sendEvery, @DefaultValue("PT5M") @NotNull Duration scanEvery) {

	/**
	 * How long to wait after a failed try.
	 * @param failures tries that failed so far (1 after the first)
	 * @return the wait: {@code firstRetry × 2^(failures-1)}, at most {@code maxRetryDelay}
	 */
	public Duration retryDelay(int failures) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
		return (delay.compareTo(this.maxRetryDelay) > 0) ? this.maxRetryDelay : delay;
	}

	/** Where e-mails go. */
	public enum Mode {

		/** To an SMTP server. */
		smtp,
		/** To {@code .eml} files in a folder (local runs). */
		folder

	}

}
