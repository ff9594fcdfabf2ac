/** Test infrastructure written once: where Kafka and MongoDB come from in every test. */
@NullMarked
package org.mutualis.platform.test;

import org.jspecify.annotations.NullMarked;
