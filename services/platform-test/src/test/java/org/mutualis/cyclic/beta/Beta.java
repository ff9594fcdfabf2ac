package org.mutualis.cyclic.beta;

import org.mutualis.cyclic.alpha.Alpha;

/** Planted violation: beta depends back on alpha. */
public class Beta {

	Alpha alpha;

}
