/** The directory's read models in MongoDB, one upserted document per person, organisation and listing. */
@NullMarked
package org.mutualis.notifications.directory.persistence;

import org.jspecify.annotations.NullMarked;
