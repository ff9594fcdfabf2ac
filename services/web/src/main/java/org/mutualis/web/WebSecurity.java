package org.mutualis.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Security of the browser-facing pages: public pages for now; sign-in through identity comes with the web application issue. */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	@Bean
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/css/**", "/favicon.ico", "/error", "/actuator/health/**", "/actuator/health",
					"/actuator/info")
			.permitAll()
			.anyRequest()
			.denyAll());
		return http.build();
	}

}
