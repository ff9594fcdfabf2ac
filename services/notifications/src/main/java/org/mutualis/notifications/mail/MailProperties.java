package org.mutualis.notifications.mail;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What notifications adds to the platform's mail settings ({@code mutualis.mail.*}, the platform's
 * {@link org.mutualis.platform.mail.MailProperties} for sending and retries).
 *
 * @param publicUrl the public address of Mutualis (the gateway), before every link in an e-mail
 * @param suppressedCategories notification categories never e-mailed (in-app only); none by default
 */
@Validated
@ConfigurationProperties("mutualis.mail")
public record MailProperties(@DefaultValue("http://localhost:8080") @NotBlank String publicUrl,
		@DefaultValue Set<String> suppressedCategories) {
}
