package org.mutualis.reaching.alpha;

import org.mutualis.reaching.beta.web.BetaController;

/** Planted violation: the alpha feature uses beta's web adapter. */
public class Alpha {

	BetaController controller;

}
