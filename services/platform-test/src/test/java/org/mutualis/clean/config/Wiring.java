package org.mutualis.clean.config;

import org.mutualis.clean.alpha.persistence.MongoAlphas;
import org.mutualis.clean.alpha.web.AlphaController;

import org.springframework.context.annotation.Configuration;

/** Wiring may see every feature's adapters. */
@Configuration
public class Wiring {

	AlphaController controller;

	MongoAlphas alphas;

}
