package org.mutualis.clean.alpha;

import org.mutualis.clean.beta.Beta;

/** A domain class that uses another feature's domain: allowed. */
public class Alpha {

	Beta beta;

}
