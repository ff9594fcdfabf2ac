package org.mutualis.cyclic.alpha;

import org.mutualis.cyclic.beta.Beta;

/** Planted violation: alpha and beta depend on each other. */
public class Alpha {

	Beta beta;

}
