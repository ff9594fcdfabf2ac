/** E-mail for every service: a stored queue with retries, SMTP or folder delivery, and one bilingual layout. */
@NullMarked
package org.mutualis.platform.mail;

import org.jspecify.annotations.NullMarked;
