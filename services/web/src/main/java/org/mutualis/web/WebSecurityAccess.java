package org.mutualis.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Gives web-slice tests the page security and language settings of the running application. */
@Configuration(proxyBeanMethods = false)
@Import({ WebSecurity.class, LanguageConfiguration.class })
public class WebSecurityAccess {

}
