package org.mutualis.notifications.directory.persistence;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the administrators are until identity's events say so.
 *
 * @param administrators person ids or e-mail addresses (case-insensitive) of the administrators
 * @param demoAdministrators added to them when the demo data is on ({@code mutualis.demo.enabled})
 */
@ConfigurationProperties("mutualis.notifications")
record AdministratorsSettings(@DefaultValue List<String> administrators, @DefaultValue List<String> demoAdministrators) {
}
