package org.mutualis.clean.alpha.web;

import org.mutualis.clean.alpha.Alpha;
import org.mutualis.clean.alpha.persistence.MongoAlphas;

import org.springframework.web.bind.annotation.RestController;

/** An adapter using Spring and its own feature's persistence: allowed. */
@RestController
public class AlphaController {

	Alpha alpha;

	MongoAlphas alphas;

}
