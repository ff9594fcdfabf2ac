package org.mutualis.web;

import org.mutualis.web.web.Accounts;
import org.mutualis.web.web.FieldLabels;
import org.mutualis.web.web.Formats;
import org.mutualis.web.web.ServiceCalls;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Gives web-slice tests the page security, language settings, service calls, formats and field labels of the running application. */
@Configuration(proxyBeanMethods = false)
@Import({ WebSecurity.class, LanguageConfiguration.class, AuthorizedClients.class, ServiceCalls.class, Accounts.class,
		Formats.class, FieldLabels.class })
@EnableConfigurationProperties(WebProperties.class)
public class WebSecurityAccess {

}
