/** The e-mails that prove identity (address confirmation, password reset, invitation), through the platform's mail queue. */
@NullMarked
package org.mutualis.identity.mail;

import org.jspecify.annotations.NullMarked;
