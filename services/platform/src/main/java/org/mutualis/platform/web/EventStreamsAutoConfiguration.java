package org.mutualis.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The open server-sent event streams ({@link EventStreams}) of every servlet service, web included (which renders its
 * own error pages and so leaves out {@link ProblemsAutoConfiguration}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EventStreamsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventStreams eventStreams() {
		return new EventStreams();
	}

}
