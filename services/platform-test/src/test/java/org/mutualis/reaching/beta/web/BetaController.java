package org.mutualis.reaching.beta.web;

/** An adapter of the beta feature. */
public class BetaController {
}
