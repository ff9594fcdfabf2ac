package org.mutualis.clean.alpha.persistence;

import org.springframework.stereotype.Repository;

/** An adapter of its own feature. */
@Repository
public class MongoAlphas {
}
