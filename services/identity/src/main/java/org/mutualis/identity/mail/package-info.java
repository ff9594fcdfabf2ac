/** E-mails identity sends, over SMTP or into a folder. */
@NullMarked
package org.mutualis.identity.mail;

import org.jspecify.annotations.NullMarked;
