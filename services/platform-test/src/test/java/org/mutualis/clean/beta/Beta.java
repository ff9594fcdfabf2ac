package org.mutualis.clean.beta;

/** A plain domain class. */
public class Beta {
}
