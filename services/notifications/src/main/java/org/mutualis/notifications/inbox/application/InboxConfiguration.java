package org.mutualis.notifications.inbox.application;

import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.inbox.WhoIsTold;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the plain-Java policy of who is told what available to the consumers. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

	@Bean
	WhoIsTold whoIsTold(Memberships memberships) {
		return new WhoIsTold(memberships);
	}

}
